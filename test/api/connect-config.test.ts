/** The connect flows' installation configuration: file, key file, and errors naming the field. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnectSettings, stateSecret } from '../../api/oauth/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'periscope-connect-'));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('connect configuration', () => {
  it('is absent without PERISCOPE_CONNECT_CONFIG', () => {
    expect(loadConnectSettings({})).toBeUndefined();
  });

  it('reads the file, fills the vendors’ defaults and reads the GitHub key file', () => {
    const key = write('app.pem', '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    const path = write('connect.json', {
      publicUrl: 'https://periscope.example.com',
      google: { clientId: 'c', clientSecret: 's' },
      github: { appId: 42, slug: 'periscope-scanner', privateKeyFile: key },
    });
    const settings = loadConnectSettings({ PERISCOPE_CONNECT_CONFIG: path })!;
    expect(settings.google?.authUrl).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(settings.google?.tokenUrl).toBe('https://oauth2.googleapis.com/token');
    expect(settings.github).toMatchObject({ appId: '42', webUrl: 'https://github.com' });
    expect(settings.github?.privateKey).toContain('PRIVATE KEY');
    expect(settings.microsoft).toBeUndefined();
  });

  it('names what is wrong', () => {
    const bad = write('bad.json', { publicUrl: 'https://x.example', microsoft: { clientId: 'a' } });
    expect(() => loadConnectSettings({ PERISCOPE_CONNECT_CONFIG: bad })).toThrow(
      /connect configuration: microsoft\.clientSecret/,
    );
    const noKey = write('nokey.json', { publicUrl: 'https://x.example', github: { appId: 1, slug: 'a' } });
    expect(() => loadConnectSettings({ PERISCOPE_CONNECT_CONFIG: noKey })).toThrow(
      /privateKey or privateKeyFile/,
    );
    expect(() => loadConnectSettings({ PERISCOPE_CONNECT_CONFIG: write('x.json', '{') })).toThrow(
      /cannot read .* as JSON/,
    );
  });

  it('takes the state secret from PERISCOPE_API_SECRET, refusing a short one', () => {
    expect(stateSecret({ PERISCOPE_API_SECRET: 'k'.repeat(32) }).toString()).toBe('k'.repeat(32));
    expect(() => stateSecret({ PERISCOPE_API_SECRET: 'short' })).toThrow(/at least 32/);
    expect(stateSecret({})).toHaveLength(32);
  });
});
