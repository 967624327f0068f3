/**
 * What the connection cannot read is reported, never passed and never failed: no Gemini API
 * key → the file rules are not evaluated (requires_gemini_api_key); with a key, DLP over the
 * uploads still is not (gemini_files_not_downloadable); a service account without
 * apikeys.keys.list → the key rules are not evaluated, naming the permission.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rules } from '../../../rules/index.ts';
import { type GeminiHarness, startGeminiHarness } from '../../support/gemini-harness.ts';

const keyRules = rules.filter((r) => r.provider === 'gemini' && r.kind === 'api_key').map((r) => r.id);
const fileRules = rules.filter((r) => r.provider === 'common' && r.kind === 'file').map((r) => r.id);

describe('gemini rules not evaluated for what the connection cannot read', () => {
  let h: GeminiHarness | undefined;
  afterEach(() => h?.close());

  it('no geminiApiKey: the file rules are not evaluated, naming the missing key; the key rules run', async () => {
    h = await startGeminiHarness({
      credentials: (sim) => ({ serviceAccountKey: JSON.stringify(sim.serviceAccount) }),
    });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams.files).toMatchObject({ status: 'unavailable', reason: 'requires_gemini_api_key' });
    expect(fileRules).toContain('common/dlp-file-ai-upload');
    for (const id of fileRules) {
      expect(scan.rules[id]?.status, id).toBe('not_evaluated');
      expect(scan.rules[id]?.reason, id).toContain('requires_gemini_api_key');
      expect(scan.rules[id]?.reason, id).toContain('geminiApiKey');
    }
    for (const id of keyRules) expect(scan.rules[id]?.status, id).toBe('evaluated');
    expect(h.sim.requests.count('GET', '/v1beta/files')).toBe(0);
    const keys = await h.findingKeys();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes(':file:'))).toBe(false);
  });

  it('with a Gemini key: files are stored, and DLP on them is not evaluated because they cannot be downloaded', async () => {
    h = await startGeminiHarness({ dlp: true });
    const { scan } = await h.scan();
    expect(scan.streams.files?.status).toBe('completed');
    expect(scan.counts.file).toBeGreaterThan(0);
    expect(scan.rules['common/dlp-file-ai-upload']).toMatchObject({ status: 'not_evaluated' });
    expect(scan.rules['common/dlp-file-ai-upload']?.reason).toContain('gemini_files_not_downloadable');
    expect(scan.rules['common/dlp-file-ai-upload']?.reason).toContain('cannot be downloaded');
    expect(h.sim.requests.byEndpoint()).not.toHaveProperty(['GET /download/v1beta/files/{file}']);
  });

  it('a service account without apikeys.keys.list: the key rules are not evaluated, naming the permission — no finding', async () => {
    h = await startGeminiHarness();
    h.sim.permissions.delete('apikeys.keys.list');
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams['api-keys']).toMatchObject({ status: 'unavailable', reason: 'missing_permission' });
    expect(keyRules).toHaveLength(3);
    for (const id of keyRules) {
      expect(scan.rules[id]?.status, id).toBe('not_evaluated');
      expect(scan.rules[id]?.reason, id).toContain('apikeys.keys.list');
      expect(scan.rules[id]?.reason, id).toContain('roles/serviceusage.apiKeysViewer');
    }
    expect(scan.streams.files?.status).toBe('completed');
    expect(await h.findingKeys()).toEqual([]);
  });

  it('a Gemini key the Gemini API refuses: the files stream is unavailable with the reason, the key rules still run', async () => {
    h = await startGeminiHarness({
      credentials: (sim) => ({
        serviceAccountKey: JSON.stringify(sim.serviceAccount),
        // A key of the project restricted to another API.
        geminiApiKey: sim.tenant.keys.find((k) => k.key.uid === sim.tenant.planted.keys.mapsOnly)?.keyString,
      }),
    });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams.files).toMatchObject({ status: 'unavailable', reason: 'gemini_api_key_rejected' });
    expect(scan.streams.files?.error?.message).toContain('API_KEY_SERVICE_BLOCKED');
    expect(scan.rules['common/dlp-file-ai-upload']?.status).toBe('not_evaluated');
    for (const id of keyRules) expect(scan.rules[id]?.status, id).toBe('evaluated');
  });

  it('findings stay open while the permission is missing, and are resolved only by a scan that read the keys', async () => {
    h = await startGeminiHarness();
    await h.scan();
    const before = await h.findingKeys();
    expect(before.length).toBeGreaterThan(0);
    h.sim.permissions.delete('apikeys.keys.list');
    await h.scan();
    expect(await h.findingKeys()).toEqual(before);
    expect(await h.findingKeys('resolved')).toEqual([]);
  });
});
