// Protection of personal identifiers: AES-256-GCM encryption with versioned keys (rotation: new
// writes use the highest version, old versions still decrypt), a keyed blind index (HMAC-SHA256)
// for exact lookup without decrypting, and the masked form shown to anyone without the right.
// SM4 is available in Node only without an AEAD mode here, so AES-GCM is used (ADR 004).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface Sealed {
  cipher: Buffer; // iv(12) | tag(16) | ciphertext
  keyVersion: number;
}

export function currentKeyVersion(keys: Map<number, Buffer>): number {
  return Math.max(...keys.keys());
}

export function encryptText(keys: Map<number, Buffer>, plain: string): Sealed {
  const keyVersion = currentKeyVersion(keys);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keys.get(keyVersion)!, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return { cipher: Buffer.concat([iv, c.getAuthTag(), body]), keyVersion };
}

export function decryptText(keys: Map<number, Buffer>, sealed: Sealed): string {
  const key = keys.get(sealed.keyVersion);
  if (!key) throw new Error(`encryption key version ${sealed.keyVersion} is not configured`);
  const d = createDecipheriv('aes-256-gcm', key, sealed.cipher.subarray(0, 12));
  d.setAuthTag(sealed.cipher.subarray(12, 28));
  return Buffer.concat([d.update(sealed.cipher.subarray(28)), d.final()]).toString('utf8');
}

/** Deterministic keyed digest: equal inputs give equal indexes, nothing is learnt without the key. */
export function blindIndex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

/** 410105198001011239 → 4101**********1239: region prefix and last four kept (common practice). */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** 王建国 → 王** ; 欧阳娜娜 → 欧*** : the family name stays so people can recognise the record. */
export function maskPersonName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}
