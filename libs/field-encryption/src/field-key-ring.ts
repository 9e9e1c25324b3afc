import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { RandomPool } from './random-pool';

const ivs = new RandomPool();

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'enc';
const VERSION_PATTERN = /^v[0-9]{1,4}$/;

/** Raised for any value that cannot be decrypted; it never carries the value itself. */
export class FieldDecryptionError extends Error {
  constructor(reason: string) {
    super(`Encrypted field could not be decrypted: ${reason}`);
    this.name = 'FieldDecryptionError';
  }
}

/** Raised for a key configuration that cannot be used; names the key version, never the key. */
export class FieldKeyConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'FieldKeyConfigError';
  }
}

interface VersionedKey {
  version: string;
  encryptionKey: Buffer;
  indexKey: Buffer;
}

/**
 * A tenant's field keys: AES-256-GCM for values, HMAC-SHA256 for blind indexes.
 * Ciphertext is `enc:<version>:<base64url(iv | ciphertext | tag)>`, so values written under an
 * older key still decrypt after rotation. The context (such as `person.email`) is bound as
 * additional authenticated data: a value copied into another column does not decrypt.
 */
export class FieldKeyRing {
  private readonly keys: Map<string, VersionedKey>;

  private constructor(
    keys: VersionedKey[],
    readonly currentVersion: string,
  ) {
    this.keys = new Map(keys.map((key) => [key.version, key]));
  }

  /** Parses `FIELD_KEYS` (`v1:<base64>,v2:<base64>`) and `FIELD_KEY_CURRENT`. */
  static fromConfig(fieldKeys: string, currentVersion: string): FieldKeyRing {
    const problems: string[] = [];
    const keys: VersionedKey[] = [];
    const entries = fieldKeys
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (entries.length === 0) problems.push('no key is configured');
    entries.forEach((entry, index) => {
      const separator = entry.indexOf(':');
      const version = separator > 0 ? entry.slice(0, separator) : '';
      if (!VERSION_PATTERN.test(version)) {
        problems.push(`entry ${index + 1} must look like v<number>:<base64 key>`);
        return;
      }
      const material = Buffer.from(entry.slice(separator + 1), 'base64');
      if (material.length !== KEY_BYTES) {
        problems.push(`key ${version} must be ${KEY_BYTES} bytes encoded as base64`);
        return;
      }
      if (keys.some((key) => key.version === version)) {
        problems.push(`key ${version} is listed twice`);
        return;
      }
      keys.push(deriveKeys(version, material));
    });
    if (!VERSION_PATTERN.test(currentVersion)) {
      problems.push('the current key version must look like v<number>');
    } else if (problems.length === 0 && !keys.some((key) => key.version === currentVersion)) {
      problems.push(`the current key version ${currentVersion} is not among the configured keys`);
    }
    if (problems.length > 0) throw new FieldKeyConfigError(problems);
    return new FieldKeyRing(keys, currentVersion);
  }

  /** A fresh random key in the `FIELD_KEYS` format. */
  static generateKey(version = 'v1'): string {
    return `${version}:${randomBytes(KEY_BYTES).toString('base64')}`;
  }

  encrypt(plaintext: string, context: string): string {
    const key = this.key(this.currentVersion);
    const iv = ivs.take(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key.encryptionKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    return `${PREFIX}:${key.version}:${sealed}`;
  }

  decrypt(ciphertext: string, context: string): string {
    const [prefix, version, sealed, ...rest] = ciphertext.split(':');
    if (prefix !== PREFIX || !version || sealed === undefined || rest.length > 0) {
      throw new FieldDecryptionError('not an encrypted field value');
    }
    const key = this.keys.get(version);
    if (!key) throw new FieldDecryptionError(`key ${version} is not configured`);
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new FieldDecryptionError('value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key.encryptionKey, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    try {
      const body = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldDecryptionError('authentication failed (wrong key, wrong column or tampered value)');
    }
  }

  /** True when the value was written under a key other than the current one. */
  isStale(ciphertext: string): boolean {
    return ciphertext.split(':')[1] !== this.currentVersion;
  }

  /** Deterministic lookup token for exact matches, under the current key. */
  blindIndex(value: string, purpose: string): string {
    return this.indexUnder(this.key(this.currentVersion), value, purpose);
  }

  /** The value's blind index under every configured key: lookups keep working mid-rotation. */
  blindIndexCandidates(value: string, purpose: string): string[] {
    return [...this.keys.values()].map((key) => this.indexUnder(key, value, purpose));
  }

  private indexUnder(key: VersionedKey, value: string, purpose: string): string {
    const mac = createHmac('sha256', key.indexKey).update(`${purpose}\u0000${value}`, 'utf8').digest('base64url');
    return `${key.version}:${mac}`;
  }

  private key(version: string): VersionedKey {
    const key = this.keys.get(version);
    if (!key) throw new FieldDecryptionError(`key ${version} is not configured`);
    return key;
  }
}

// Separate subkeys for encryption and indexing, so neither use can weaken the other.
function deriveKeys(version: string, material: Buffer): VersionedKey {
  const subkey = (info: string) => Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), info, KEY_BYTES));
  return {
    version,
    encryptionKey: subkey('vaccinate/field-encryption/aes-256-gcm'),
    indexKey: subkey('vaccinate/field-encryption/blind-index'),
  };
}
