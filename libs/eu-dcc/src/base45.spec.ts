import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Base45Error, base45Decode, base45Encode } from './base45';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('base45 (RFC 9285 examples)', () => {
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ])('encodes %j as %j and back', (plain, encoded) => {
    expect(base45Encode(utf8(plain))).toBe(encoded);
    expect(new TextDecoder().decode(base45Decode(encoded))).toBe(plain);
  });

  it('encodes the empty string', () => {
    expect(base45Encode(new Uint8Array())).toBe('');
    expect(base45Decode('')).toEqual(new Uint8Array());
  });

  it('rejects a triplet above 65535 (RFC 9285 section 4.3: "GGW")', () => {
    expect(() => base45Decode('GGW')).toThrow(Base45Error);
  });

  it('rejects characters outside the alphabet and a dangling character', () => {
    expect(() => base45Decode('bb8')).toThrow(Base45Error);
    expect(() => base45Decode('BB8B')).toThrow(Base45Error);
  });

  it('round-trips random bytes of every length up to 64', () => {
    for (let length = 0; length <= 64; length += 1) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(base45Decode(base45Encode(bytes))).toEqual(bytes);
    }
  });
});
