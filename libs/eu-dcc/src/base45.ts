/** Base45 (RFC 9285): the alphabet is the QR alphanumeric set, so the HC1 QR can use alphanumeric mode. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const VALUES = new Map<string, number>([...ALPHABET].map((char, index) => [char, index]));

export class Base45Error extends Error {
  override readonly name = 'Base45Error';
}

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += ALPHABET[c]! + ALPHABET[d]! + ALPHABET[e]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += ALPHABET[n % 45]! + ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

export function base45Decode(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Base45Error('base45 input length leaves a single character');
  const values = [...text].map((char) => {
    const value = VALUES.get(char);
    if (value === undefined) throw new Base45Error(`invalid base45 character ${JSON.stringify(char)}`);
    return value;
  });
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 3) {
    const c = values[i]!;
    const d = values[i + 1]!;
    if (i + 2 < values.length) {
      const n = c + d * 45 + values[i + 2]! * 45 * 45;
      if (n > 0xffff) throw new Base45Error('base45 triplet exceeds two bytes');
      out.push(n >> 8, n & 0xff);
    } else {
      const n = c + d * 45;
      if (n > 0xff) throw new Base45Error('base45 pair exceeds one byte');
      out.push(n);
    }
  }
  return Uint8Array.from(out);
}
