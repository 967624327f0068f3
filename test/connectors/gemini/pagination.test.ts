/**
 * Paging as the vendor does it: the simulator serves at most 2 keys and 3 files a page,
 * whatever is asked, so the scan must follow every page token (the API Keys API ends with an
 * empty token, the Gemini API with none). Any skipped or repeated page shows up as a missing
 * asset or an extra call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAssets } from '../../../db/assets.ts';
import { findGeminiViolations, geminiAssetKey } from '../../../sandbox/index.ts';
import { type GeminiHarness, startGeminiHarness } from '../../support/gemini-harness.ts';

const KEYS_LIST = '/v2/projects/{project}/locations/{location}/keys';
const FILES_LIST = '/v1beta/files';

describe('gemini pagination with small pages', () => {
  let h: GeminiHarness;
  beforeAll(async () => {
    h = await startGeminiHarness({
      sim: { size: { keys: 23, files: 40 }, pageLimits: { keys: 2, files: 3 } },
    });
  });
  afterAll(() => h?.close());

  it('reads every page of keys and files exactly once', async () => {
    const { outcome } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    const { tenant } = h.sim;
    const project = tenant.project.projectId;
    const keys = tenant.keys.filter((k) => k.projectId === project && !k.key.deleteTime);
    const files = tenant.files.filter((f) => f.projectId === project);
    expect(keys.length).toBeGreaterThan(30);
    expect(files.length).toBeGreaterThan(40);

    const stored = await listAssets(h.database.db, h.tenantId, { connectionId: h.connectionId });
    const storedKeys = stored.filter((a) => a.kind === 'api_key').map((a) => a.key);
    const storedFiles = stored.filter((a) => a.kind === 'file').map((a) => a.key);
    expect(storedKeys.sort()).toEqual(keys.map((k) => geminiAssetKey.apiKey(k.key.uid)).sort());
    expect(storedFiles.sort()).toEqual(files.map((f) => geminiAssetKey.file(f.file.name)).sort());

    expect(h.sim.requests.count('GET', KEYS_LIST)).toBe(Math.ceil(keys.length / 2));
    expect(h.sim.requests.count('GET', FILES_LIST)).toBe(Math.ceil(files.length / 3));
    expect(await h.findingKeys()).toEqual(
      findGeminiViolations(h.sim)
        .map((v) => `${v.ruleId} ${v.assetKey}`)
        .sort(),
    );
  });
});
