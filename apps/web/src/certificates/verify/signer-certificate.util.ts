/**
 * Just enough DER to take the public key out of a Document Signer Certificate in the browser, where
 * Web Crypto imports an SPKI but reads no certificate: Certificate -> tbsCertificate -> its 7th
 * field (the 6th when the optional version is absent), subjectPublicKeyInfo.
 */
export function subjectPublicKeyInfo(certificate: Uint8Array): Uint8Array {
  const tbs = children(element(certificate, 0).content)[0];
  if (!tbs) throw new Error('not an X.509 certificate');
  const fields = children(tbs.content);
  const hasVersion = fields[0]?.tag === 0xa0;
  const spki = fields[hasVersion ? 6 : 5];
  if (spki?.tag !== 0x30) throw new Error('not an X.509 certificate');
  return spki.whole;
}

interface Element {
  tag: number;
  content: Uint8Array;
  whole: Uint8Array;
}

function element(bytes: Uint8Array, offset: number): Element {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  if (tag === undefined || length === undefined) throw new Error('truncated DER');
  let header = 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets < 1 || octets > 3) throw new Error('unsupported DER length');
    length = 0;
    for (let index = 0; index < octets; index++) length = length * 256 + (bytes[offset + 2 + index] ?? 0);
    header += octets;
  }
  const end = offset + header + length;
  if (end > bytes.length) throw new Error('truncated DER');
  return { tag, content: bytes.subarray(offset + header, end), whole: bytes.subarray(offset, end) };
}

function children(bytes: Uint8Array): Element[] {
  const result: Element[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const child = element(bytes, offset);
    result.push(child);
    offset += child.whole.length;
  }
  return result;
}
