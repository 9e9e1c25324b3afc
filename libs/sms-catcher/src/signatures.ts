import { createHmac } from 'node:crypto';

/*
 * The providers' webhook signatures, computed here rather than with their SDKs, so a wrong check
 * in the API fails against these fakes instead of agreeing with itself.
 */

/** Twilio's X-Twilio-Signature: base64 HMAC-SHA1 of the URL followed by every field name and value, names sorted, keyed with the auth token. */
export function twilioSignature(authToken: string, url: string, fields: Record<string, string>): string {
  const data = Object.keys(fields)
    .sort()
    .reduce((text, key) => text + key + fields[key], url);
  return createHmac('sha1', authToken).update(data).digest('base64');
}

/**
 * Vonage's signed webhooks (`sig`): hex HMAC-SHA256 of `&name=value` for every field but `sig`,
 * names sorted, `&` and `=` in values read as `_`, keyed with the account's signature secret.
 */
export function vonageSignature(signatureSecret: string, fields: Record<string, string>): string {
  const data = Object.keys(fields)
    .filter((key) => key !== 'sig')
    .sort()
    .map((key) => `&${key}=${(fields[key] ?? '').replace(/[&=]/g, '_')}`)
    .join('');
  return createHmac('sha256', signatureSecret).update(data).digest('hex').toUpperCase();
}
