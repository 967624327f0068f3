/**
 * A full scan against the simulator finds exactly what the oracle derives from its keys —
 * every planted violation, nothing on the clean look-alikes — and reads every key and file
 * of the scanned project, none of another project's, without ever asking for a key string.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGeminiViolations, geminiAssetKey } from '../../../sandbox/index.ts';
import { type GeminiHarness, startGeminiHarness } from '../../support/gemini-harness.ts';

describe('gemini full scan against the simulator', () => {
  let h: GeminiHarness;
  let result: Awaited<ReturnType<GeminiHarness['scan']>>;
  beforeAll(async () => {
    h = await startGeminiHarness();
    result = await h.scan();
  });
  afterAll(() => h?.close());

  it('finds every planted violation and nothing on the clean look-alikes', async () => {
    expect(result.outcome.status).toBe('succeeded');
    expect(result.scan.streams['api-keys']?.status).toBe('completed');
    expect(result.scan.streams.files?.status).toBe('completed');
    const expected = findGeminiViolations(h.sim)
      .map((v) => `${v.ruleId} ${v.assetKey}`)
      .sort();
    expect(await h.findingKeys()).toEqual(expected);

    const { keys } = h.sim.tenant.planted;
    const key = (role: string) => geminiAssetKey.apiKey(keys[role] as string);
    const found = await h.findingKeys();
    const rulesOn = (role: string) =>
      found.filter((f) => f.endsWith(` ${key(role)}`)).map((f) => f.split(' ')[0]);
    expect(rulesOn('unrestricted')).toEqual(['gemini/api-key-all-apis', 'gemini/api-key-unrestricted']);
    expect(rulesOn('emptyAndroid')).toEqual(['gemini/api-key-all-apis', 'gemini/api-key-unrestricted']);
    expect(rulesOn('geminiAnywhere')).toEqual(['gemini/api-key-unrestricted']);
    expect(rulesOn('geminiEmptyBrowser')).toEqual(['gemini/api-key-unrestricted']);
    expect(rulesOn('allApisBrowser')).toEqual(['gemini/api-key-all-apis']);
    expect(rulesOn('oldGeminiServer')).toEqual(['gemini/api-key-not-rotated']);
    expect(rulesOn('oldMapsIos')).toEqual(['gemini/api-key-not-rotated']);
    for (const clean of ['geminiServer', 'mapsOnly', 'freshAndroid', 'almostDue', 'deletedUnrestricted']) {
      expect(rulesOn(clean), clean).toEqual([]);
    }
  });

  it('stores every key and file of the scanned project and nothing of another project', async () => {
    const { tenant } = h.sim;
    const ownKeys = tenant.keys.filter((k) => k.projectId === tenant.project.projectId && !k.key.deleteTime);
    const ownFiles = tenant.files.filter((f) => f.projectId === tenant.project.projectId);
    expect(result.scan.counts).toMatchObject({ api_key: ownKeys.length, file: ownFiles.length });
    expect(
      h.sim.requests.count('GET', '/v2/projects/{project}/locations/{location}/keys/{key}/keyString'),
    ).toBe(0);
  });

  it('evaluates the key rules and reports DLP on Gemini files as not evaluated: they cannot be downloaded', () => {
    for (const id of [
      'gemini/api-key-unrestricted',
      'gemini/api-key-all-apis',
      'gemini/api-key-not-rotated',
    ]) {
      expect(result.scan.rules[id]?.status, id).toBe('evaluated');
    }
    expect(result.scan.streams['file-content']).toMatchObject({
      status: 'unavailable',
      reason: 'gemini_files_not_downloadable',
    });
    expect(result.scan.rules['common/dlp-file-ai-upload']?.status).toBe('not_evaluated');
    expect(result.scan.rules['common/dlp-file-ai-upload']?.reason).toContain('gemini_files_not_downloadable');
  });
});
