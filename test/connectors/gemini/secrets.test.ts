/**
 * Secrets flow one way: no private key, no Gemini API key, no key string of any project key
 * and no access token appears in stored assets, findings, the scan record or the logs — also
 * when calls are retried and streams fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAssets } from '../../../db/assets.ts';
import { listFindings } from '../../../db/finding-queries.ts';
import { type GeminiHarness, startGeminiHarness } from '../../support/gemini-harness.ts';

describe('gemini keeps secrets out of everything it stores and logs', () => {
  let h: GeminiHarness;
  let stored: string;
  beforeAll(async () => {
    h = await startGeminiHarness({ dlp: true, sim: { pageLimits: { keys: 4, files: 5 } } });
    // Retries (debug-logged) and a refused Gemini key (an error message) exercise the error paths.
    h.sim.faults.add({
      path: '/v2/projects/{project}/locations/{location}/keys',
      kind: 'rate-limit',
      status: 429,
      times: 2,
    });
    h.sim.faults.add({ path: '/v1beta/files', kind: 'server-error', status: 503, times: 2 });
    const first = await h.scan();
    const mapsKey = h.sim.tenant.keys.find(
      (k) => k.key.uid === h.sim.tenant.planted.keys.mapsOnly,
    )?.keyString;
    await h.setCredentials({
      serviceAccountKey: JSON.stringify(h.sim.serviceAccount),
      geminiApiKey: mapsKey,
    });
    const second = await h.scan();
    expect(first.outcome.status).toBe('succeeded');
    expect(second.scan.streams.files?.status).toBe('unavailable');
    const assets = await listAssets(h.database.db, h.tenantId, { includeRemoved: true });
    const findings = await listFindings(h.database.db, h.tenantId, { status: 'all' });
    stored = JSON.stringify({ assets, findings, first: first.scan, second: second.scan, logs: h.logs });
  });
  afterAll(() => h?.close());

  it('stored what it should (the check below is not vacuous)', () => {
    expect(stored).toContain('google_cloud_api_key');
    expect(stored).toContain('gemini/api-key-unrestricted');
    expect(stored).toContain('retrying');
    expect(stored).toContain('API_KEY_SERVICE_BLOCKED');
  });

  it('holds no API key string of any key, including the connection’s Gemini key', () => {
    expect(h.sim.tenant.keys.length).toBeGreaterThan(10);
    for (const { keyString } of h.sim.tenant.keys) expect(stored).not.toContain(keyString);
    expect(stored).not.toMatch(/AIza[0-9A-Za-z_-]{20,}/);
  });

  it('holds no private key material and no access token', () => {
    const pem = h.sim.serviceAccount.private_key;
    for (const line of pem.split('\n').filter((l) => l && !l.startsWith('-----')))
      expect(stored).not.toContain(line);
    expect(stored).not.toContain('PRIVATE KEY');
    expect(stored).not.toContain(h.sim.serviceAccount.private_key_id);
    for (const token of h.sim.auth.tokens.keys()) expect(stored).not.toContain(token);
    expect(h.sim.auth.tokens.size).toBeGreaterThan(0);
  });
});
