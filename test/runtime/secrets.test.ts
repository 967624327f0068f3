import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../runtime/env.ts';
import { createLogger } from '../../runtime/logger.ts';
import { loadSecretBox, parseKey, SecretBox } from '../../runtime/secrets.ts';

describe('SecretBox', () => {
  const box = new SecretBox(Buffer.alloc(32, 1));

  it('round-trips credentials and never stores them in clear', () => {
    const sealed = box.seal({ token: 'ghp_supersecretvalue' });
    expect(sealed).not.toContain('supersecret');
    expect(box.open(sealed)).toEqual({ token: 'ghp_supersecretvalue' });
    expect(box.seal({ a: 1 })).not.toBe(box.seal({ a: 1 })); // fresh IV each time
  });

  it('refuses a tampered value or another key, without echoing it', () => {
    const sealed = box.seal({ token: 'ghp_x' });
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 3), Buffer.from('garbage').toString('base64')].join('.');
    expect(() => box.open(tampered)).toThrow(/cannot be decrypted/);
    expect(() => new SecretBox(Buffer.alloc(32, 2)).open(sealed)).toThrow(/PERISCOPE_ENCRYPTION_KEY differs/);
  });

  it('accepts hex or base64 keys of 32 bytes only', () => {
    expect(parseKey('ab'.repeat(32))).toHaveLength(32);
    expect(parseKey(Buffer.alloc(32, 9).toString('base64'))).toHaveLength(32);
    expect(() => parseKey('short')).toThrow(/32 bytes/);
  });

  it('generates a 0600 key file only in embedded mode and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-key-'));
    const first = loadSecretBox({ dataDir: dir });
    const file = join(dir, 'encryption.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const sealed = first.seal('x');
    expect(loadSecretBox({ dataDir: dir }).open(sealed)).toBe('x');
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(() => loadSecretBox({})).toThrow(/PERISCOPE_ENCRYPTION_KEY is required/);
  });
});

describe('env and logs', () => {
  it('fails loudly naming the bad variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(parseEnv({}).PERISCOPE_DATA_DIR).toBe('.periscope');
  });

  it('redacts tokens, keys and authorization headers at debug level', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'debug',
      destination: new Writable({
        write(chunk, _e, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    logger.debug(
      { headers: { authorization: 'token ghp_abc123' }, credentials: { privateKey: 'PEM' } },
      'request',
    );
    logger.debug({ request: { token: 'ghs_zzz' } }, 'token');
    const text = lines.join('');
    expect(text).toContain('[redacted]');
    expect(text).not.toMatch(/ghp_abc123|ghs_zzz|PEM/);
  });
});
