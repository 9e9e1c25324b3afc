import { describe, expect, it } from 'vitest';
import { cachedDocument, documentAnswer, preferredCoding } from './availability-answer';

describe('an availability answer', () => {
  const document = cachedDocument(Buffer.from('{"days":[]}'), Buffer.from('gz'), Buffer.from('br'), 'W/"abc"');

  it('is 304 without a body for a client holding the version, whether it sends the tag weak, strong, in a list or as *', () => {
    for (const held of ['W/"abc"', '"abc"', '"old", W/"abc"', '*']) {
      const answer = documentAnswer(document, { 'if-none-match': held });
      expect(answer.status).toBe(304);
      expect(answer.body).toBeNull();
      expect(answer.headers['etag']).toBe('W/"abc"');
    }
    expect(documentAnswer(document, { 'if-none-match': 'W/"abd"' }).status).toBe(200);
  });

  it('comes in the best coding the client accepts, brotli first, never one it refuses with q=0', () => {
    expect(preferredCoding(undefined)).toBe('identity');
    expect(preferredCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredCoding('gzip, br;q=0')).toBe('gzip');
    expect(preferredCoding('deflate')).toBe('identity');
    const answer = documentAnswer(document, { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.body?.toString()).toBe('gz');
    expect(documentAnswer(document, {}).headers['content-encoding']).toBeUndefined();
  });
});
