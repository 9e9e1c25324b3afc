import { describe, expect, it } from 'vitest';
import { DeliveredKeys } from './delivered-keys';

describe('DeliveredKeys', () => {
  it('sends once per tenant and key, and tells a repeat apart', async () => {
    const keys = new DeliveredKeys<string>();
    let sent = 0;
    const send = async () => `m${(sent += 1)}`;
    expect(await keys.once('https://a.example', 'outbox-1', send)).toEqual({ answer: 'm1', repeated: false });
    expect(await keys.once('https://a.example', 'outbox-1', send)).toEqual({ answer: 'm1', repeated: true });
    expect(await keys.once('https://b.example', 'outbox-1', send)).toEqual({ answer: 'm2', repeated: false });
    expect(sent).toBe(2);
  });

  it('lets a concurrent repeat wait for the first send instead of sending again', async () => {
    const keys = new DeliveredKeys<string>();
    let release: (value: string) => void = () => undefined;
    let sent = 0;
    const send = () => {
      sent += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = keys.once('t', 'k', send);
    const second = keys.once('t', 'k', send);
    release('m1');
    expect(await Promise.all([first, second])).toEqual([
      { answer: 'm1', repeated: false },
      { answer: 'm1', repeated: true },
    ]);
    expect(sent).toBe(1);
  });

  it('forgets a key whose send failed, so a retry sends', async () => {
    const keys = new DeliveredKeys<string>();
    await expect(keys.once('t', 'k', () => Promise.reject(new Error('smtp 451')))).rejects.toThrow('smtp 451');
    expect(await keys.once('t', 'k', async () => 'm2')).toEqual({ answer: 'm2', repeated: false });
  });

  it('forgets keys after their time and beyond its capacity', async () => {
    let now = 0;
    const keys = new DeliveredKeys<string>(1_000, 2, () => now);
    await keys.once('t', 'a', async () => 'a1');
    now = 1_001;
    expect((await keys.once('t', 'a', async () => 'a2')).repeated).toBe(false);
    await keys.once('t', 'b', async () => 'b1');
    await keys.once('t', 'c', async () => 'c1');
    expect(keys.size).toBe(2);
    expect((await keys.once('t', 'a', async () => 'a3')).repeated).toBe(false);
  });
});
