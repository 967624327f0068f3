/**
 * Credentials at rest: AES-256-GCM with a random 96-bit IV per value. The key comes from
 * PERISCOPE_ENCRYPTION_KEY; only the embedded mode may generate one (a 0600 key file in the
 * data dir), because losing the key means losing every stored connection.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { PeriscopeError } from '../scanner/errors.ts';

const VERSION = 'v1';

export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new PeriscopeError('config_invalid', 'encryption key must be 32 bytes');
    this.key = key;
  }

  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join('.');
  }

  open<T = unknown>(sealed: string): T {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) {
      throw new PeriscopeError('config_invalid', 'stored credentials are not in a known format');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
        'utf8',
      );
      return JSON.parse(text) as T;
    } catch {
      throw new PeriscopeError(
        'config_invalid',
        'stored credentials cannot be decrypted: PERISCOPE_ENCRYPTION_KEY differs from the key they were sealed with',
      );
    }
  }
}

export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new PeriscopeError(
      'config_invalid',
      'PERISCOPE_ENCRYPTION_KEY must be 32 bytes, as 64 hex chars or base64',
    );
  }
  return key;
}

export interface KeySource {
  envKey?: string | undefined;
  /** Embedded mode only: where a generated key file may live. */
  dataDir?: string | undefined;
  logger?: Logger;
}

export function loadSecretBox(source: KeySource): SecretBox {
  if (source.envKey) return new SecretBox(parseKey(source.envKey));
  if (!source.dataDir) {
    throw new PeriscopeError(
      'config_invalid',
      'PERISCOPE_ENCRYPTION_KEY is required when DATABASE_URL is set',
    );
  }
  const file = join(source.dataDir, 'encryption.key');
  if (existsSync(file)) return new SecretBox(parseKey(readFileSync(file, 'utf8')));
  mkdirSync(source.dataDir, { recursive: true });
  writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  source.logger?.warn(
    { file },
    'PERISCOPE_ENCRYPTION_KEY is not set: generated a key file for embedded mode; back it up, or set the variable',
  );
  return new SecretBox(parseKey(readFileSync(file, 'utf8')));
}
