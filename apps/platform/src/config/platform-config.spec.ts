import { describe, expect, it } from 'vitest';
import { loadPlatformConfig } from './platform-config';

describe("the launcher's LOG_LEVEL", () => {
  it('is handed to the tenant APIs, info unless the operator chooses', () => {
    expect(loadPlatformConfig({}).apiLogLevel).toBe('info');
    expect(loadPlatformConfig({ LOG_LEVEL: 'warn' }).apiLogLevel).toBe('warn');
  });

  it('refuses a level pino does not know', () => {
    expect(() => loadPlatformConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL: must be one of/);
  });
});
