import { describe, expect, it } from 'vitest';
import { FieldDecryptionError, FieldKeyConfigError, FieldKeyRing } from './field-key-ring';
import { normalizeEmail } from './normalize';

const v1 = FieldKeyRing.generateKey('v1');
const v2 = FieldKeyRing.generateKey('v2');

function flipByte(ciphertext: string, index: number): string {
  const [prefix, version, sealed] = ciphertext.split(':') as [string, string, string];
  const raw = Buffer.from(sealed, 'base64url');
  raw[index] = (raw[index] ?? 0) ^ 0x01;
  return `${prefix}:${version}:${raw.toString('base64url')}`;
}

describe('FieldKeyRing', () => {
  const ring = FieldKeyRing.fromConfig(v1, 'v1');

  it('round-trips text, including accents and emoji, with a fresh IV each time', () => {
    const name = 'Zoë Ångström-Ñúñez 💉';
    const first = ring.encrypt(name, 'person.familyName');
    const second = ring.encrypt(name, 'person.familyName');
    expect(first).not.toEqual(second);
    expect(first).not.toContain('Zo');
    expect(first.startsWith('enc:v1:')).toBe(true);
    expect(ring.decrypt(first, 'person.familyName')).toBe(name);
    expect(ring.decrypt(second, 'person.familyName')).toBe(name);
  });

  it('refuses a flipped byte anywhere in the value instead of returning garbage', () => {
    const sealed = ring.encrypt('1984-02-29', 'person.birthDate');
    const length = Buffer.from(sealed.split(':')[2] ?? '', 'base64url').length;
    for (const index of [0, 11, 12, length - 17, length - 1]) {
      expect(() => ring.decrypt(flipByte(sealed, index), 'person.birthDate')).toThrow(FieldDecryptionError);
    }
  });

  it('refuses the wrong key and a value moved to another column', () => {
    const sealed = ring.encrypt('someone@example.com', 'person.email');
    const otherTenant = FieldKeyRing.fromConfig(FieldKeyRing.generateKey('v1'), 'v1');
    expect(() => otherTenant.decrypt(sealed, 'person.email')).toThrow(FieldDecryptionError);
    expect(() => ring.decrypt(sealed, 'person.givenName')).toThrow(FieldDecryptionError);
  });

  it('refuses values that are not ciphertext, truncated, or under an unknown key', () => {
    expect(() => ring.decrypt('plain text', 'person.email')).toThrow(FieldDecryptionError);
    expect(() => ring.decrypt('enc:v1:AAAA', 'person.email')).toThrow(/truncated/);
    expect(() => ring.decrypt(ring.encrypt('x', 'c').replace('enc:v1:', 'enc:v9:'), 'c')).toThrow(/v9/);
  });

  it('keeps decrypting old values after rotation and writes new ones under the current key', () => {
    const before = ring.encrypt('Ada', 'person.givenName');
    const rotated = FieldKeyRing.fromConfig(`${v1},${v2}`, 'v2');
    const after = rotated.encrypt('Grace', 'person.givenName');
    expect(rotated.decrypt(before, 'person.givenName')).toBe('Ada');
    expect(rotated.isStale(before)).toBe(true);
    expect(rotated.isStale(after)).toBe(false);
    expect(after.startsWith('enc:v2:')).toBe(true);
    expect(() => ring.decrypt(after, 'person.givenName')).toThrow(FieldDecryptionError);
  });

  it('computes a deterministic blind index per purpose, findable under every key during rotation', () => {
    const email = normalizeEmail('  Someone@Example.COM ');
    expect(ring.blindIndex(email, 'person.email')).toBe(ring.blindIndex('someone@example.com', 'person.email'));
    expect(ring.blindIndex(email, 'person.email')).not.toBe(ring.blindIndex(email, 'staff.email'));
    const rotated = FieldKeyRing.fromConfig(`${v1},${v2}`, 'v2');
    expect(rotated.blindIndexCandidates(email, 'person.email')).toContain(ring.blindIndex(email, 'person.email'));
    expect(rotated.blindIndex(email, 'person.email')).not.toBe(ring.blindIndex(email, 'person.email'));
  });

  it('reports every bad key entry by version or position, never the key', () => {
    const short = `v3:${Buffer.alloc(16).toString('base64')}`;
    try {
      FieldKeyRing.fromConfig(`${v1},${short},garbage,${v1}`, 'v7');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FieldKeyConfigError);
      const problems = (error as FieldKeyConfigError).problems;
      expect(problems).toEqual(['key v3 must be 32 bytes encoded as base64', 'entry 3 must look like v<number>:<base64 key>', 'key v1 is listed twice']);
      expect(JSON.stringify(problems)).not.toContain(v1.slice(3));
    }
    expect(() => FieldKeyRing.fromConfig(v1, 'v2')).toThrow(/current key version v2 is not among/);
  });
});
