const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export class Base45Error extends Error {
  override readonly name = 'Base45Error';
}

/** RFC 9285 base45, as the `HC1:` QR text uses it. */
export function base45Decode(text: string): Uint8Array {
  const values = [...text].map((char) => {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Base45Error('not base45');
    return value;
  });
  if (values.length % 3 === 1) throw new Base45Error('bad length');
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 3) {
    const [c, d, e] = [values[i]!, values[i + 1]!, values[i + 2]];
    const n = c + d * 45 + (e ?? 0) * 45 * 45;
    if (e === undefined) {
      if (n > 0xff) throw new Base45Error('bad value');
      out.push(n);
    } else {
      if (n > 0xffff) throw new Base45Error('bad value');
      out.push(n >> 8, n & 0xff);
    }
  }
  return Uint8Array.from(out);
}
