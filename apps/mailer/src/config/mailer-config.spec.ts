import { describe, expect, it } from 'vitest';
import { ConfigError, loadMailerConfig } from './mailer-config';

const base = { MAIL_FROM: '"Vaccination center" <no-reply@vaccinate.example>' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadMailerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadMailerConfig', () => {
  it('defaults to SMTP on the local catcher and port 8080', () => {
    expect(loadMailerConfig(base)).toEqual({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'info',
      provider: 'smtp',
      smtpUrl: 'smtp://127.0.0.1:1025',
      from: { name: 'Vaccination center', address: 'no-reply@vaccinate.example' },
      mailjet: null,
      apiKey: null,
      rateLimitPerMinute: 30_000,
      tracing: null,
    });
  });

  it('accepts a bare sender address', () => {
    expect(loadMailerConfig({ MAIL_FROM: 'no-reply@vaccinate.example' }).from).toEqual({ name: '', address: 'no-reply@vaccinate.example' });
  });

  it('names every bad variable and never its value', () => {
    const env = {
      PORT: 'eighty',
      MAIL_PROVIDER: 'pigeon',
      MAIL_FROM: 'not-an-address-s3cret',
      MAILER_API_KEY: 'short-s3cret',
      MAILER_RATE_LIMIT_PER_MINUTE: '-1',
    };
    const problems = problemsOf({ ...env, SMTP_URL: 'http://s3cret.example' });
    expect(problems).toEqual([
      'PORT: must be a port number',
      'MAIL_PROVIDER: must be smtp or mailjet',
      'SMTP_URL: must be an smtp:// or smtps:// URL with a host',
      'MAIL_FROM: must be an address, optionally with a name: "Name" <address@example.com>',
      'MAILER_API_KEY: must be at least 16 characters',
      'MAILER_RATE_LIMIT_PER_MINUTE: must be a whole number from 1 to 100000',
    ]);
    expect(problems.join('\n')).not.toMatch(/s3cret|pigeon|eighty/);
  });

  it('reports the Mailjet credentials together with the other problems', () => {
    expect(problemsOf({ PORT: '0', MAIL_PROVIDER: 'mailjet' })).toEqual([
      'PORT: must be a port number',
      'MAIL_FROM: is required',
      'MAILJET_API_KEY: is required when MAIL_PROVIDER is mailjet',
      'MAILJET_API_SECRET: is required when MAIL_PROVIDER is mailjet',
    ]);
  });

  it('requires the Mailjet key and secret only for mailjet', () => {
    expect(problemsOf({ ...base, MAIL_PROVIDER: 'mailjet' })).toEqual([
      'MAILJET_API_KEY: is required when MAIL_PROVIDER is mailjet',
      'MAILJET_API_SECRET: is required when MAIL_PROVIDER is mailjet',
    ]);
    expect(loadMailerConfig({ ...base, MAIL_PROVIDER: 'mailjet', MAILJET_API_KEY: 'k', MAILJET_API_SECRET: 's' }).mailjet).toEqual({
      apiKey: 'k',
      apiSecret: 's',
    });
  });

  it('requires SMTP_URL in production instead of the loopback default', () => {
    expect(problemsOf({ ...base, NODE_ENV: 'production' })).toEqual(['SMTP_URL: is required when MAIL_PROVIDER is smtp in production']);
    expect(problemsOf({ ...base, NODE_ENV: 'production', SMTP_URL: 'smtps://user:pass@smtp.example:465' })).toEqual([]);
  });

  it('reports a missing MAIL_FROM', () => {
    expect(problemsOf({})).toEqual(['MAIL_FROM: is required']);
  });
});
