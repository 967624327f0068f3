/**
 * The simulator speaks the vendors' wire format, checked with plain HTTP (no SDK in between):
 * key fields without keyString, Google's error envelope with ErrorInfo, the token endpoint,
 * Gemini's API-key auth by header or `key=`, the files page size default and cap, and the
 * oracle following the state when it changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGeminiViolations, type GeminiSimulator, startGeminiSimulator } from '../../../sandbox/index.ts';

interface Page {
  keys: Array<Record<string, unknown>>;
  files: Array<Record<string, unknown>>;
  nextPageToken?: string;
}
const page = async (response: Promise<Response>) => (await (await response).json()) as Page;

describe('gemini simulator wire format', () => {
  let sim: GeminiSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startGeminiSimulator({ size: { keys: 3, files: 150 } });
    token = sim.auth.issue({
      scopes: new Set(['https://www.googleapis.com/auth/cloud-platform.read-only']),
      clientId: 'x',
    }).token;
  });
  afterAll(() => sim?.close());

  const keysUrl = (project: string, query = '') =>
    `${sim.origin}/v2/projects/${project}/locations/global/keys${query}`;
  const bearer = () => ({ authorization: `Bearer ${token}` });

  it('lists keys by project id or number, with the documented fields and never keyString', async () => {
    const byId = await page(fetch(keysUrl(sim.projectId), { headers: bearer() }));
    const byNumber = await page(fetch(keysUrl(sim.tenant.project.projectNumber), { headers: bearer() }));
    expect(byNumber).toEqual(byId);
    expect(byId.nextPageToken).toBe('');
    const fields = new Set(byId.keys.flatMap((k: object) => Object.keys(k)));
    expect([...fields].sort()).toEqual(
      [
        'createTime',
        'displayName',
        'etag',
        'name',
        'restrictions',
        'serviceAccountEmail',
        'uid',
        'updateTime',
      ].sort(),
    );
    expect(JSON.stringify(byId)).not.toContain('AIza');
    const withDeleted = await page(fetch(keysUrl(sim.projectId, '?showDeleted=true'), { headers: bearer() }));
    expect(withDeleted.keys.length).toBe(byId.keys.length + 1);
  });

  it('answers Google’s envelopes: no token 401, another project 403 naming the permission, a bad location 400', async () => {
    expect((await fetch(keysUrl(sim.projectId))).status).toBe(401);
    const denied = await fetch(keysUrl(sim.tenant.otherProject.projectId), { headers: bearer() });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({
      error: {
        code: 403,
        status: 'PERMISSION_DENIED',
        details: [{ reason: 'IAM_PERMISSION_DENIED', metadata: { permission: 'apikeys.keys.list' } }],
      },
    });
    const location = await fetch(`${sim.origin}/v2/projects/${sim.projectId}/locations/us/keys`, {
      headers: bearer(),
    });
    expect(location.status).toBe(400);
  });

  it('mints tokens for a signed service-account JWT and refuses a garbage assertion', async () => {
    const refused = await fetch(sim.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: 'a.b.c',
      }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('lists only the key’s project’s files, 10 by default and 100 at most, by header or key=', async () => {
    const own = sim.tenant.files.filter((f) => f.projectId === sim.projectId).length;
    const first = await page(
      fetch(`${sim.origin}/v1beta/files`, { headers: { 'x-goog-api-key': sim.geminiApiKey } }),
    );
    expect(first.files).toHaveLength(10);
    expect(typeof first.files[0]?.sizeBytes).toBe('string');
    const big = await page(fetch(`${sim.origin}/v1beta/files?pageSize=1000&key=${sim.geminiApiKey}`));
    expect(big.files).toHaveLength(100);
    const rest = await page(
      fetch(`${sim.origin}/v1beta/files?pageSize=100&pageToken=${big.nextPageToken}&key=${sim.geminiApiKey}`),
    );
    expect(big.files.length + rest.files.length).toBe(own);
    expect(rest.nextPageToken).toBeUndefined();
    const other = await page(
      fetch(`${sim.origin}/v1beta/files?pageSize=100`, {
        headers: { 'x-goog-api-key': sim.tenant.otherProjectKeyString },
      }),
    );
    expect(other.files).toHaveLength(7);
    const invalid = await fetch(`${sim.origin}/v1beta/files`, {
      headers: { 'x-goog-api-key': 'AIzaSyNotAKey' },
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { details: [{ reason: 'API_KEY_INVALID' }] } });
  });

  it('derives findings from the state: adding an app restriction clears the unrestricted finding', () => {
    const uid = sim.tenant.planted.keys.geminiAnywhere as string;
    const unrestricted = (v: { ruleId: string; assetKey: string }) =>
      v.ruleId === 'gemini/api-key-unrestricted' && v.assetKey.endsWith(uid);
    expect(findGeminiViolations(sim).some(unrestricted)).toBe(true);
    const stored = sim.tenant.keys.find((k) => k.key.uid === uid);
    if (!stored?.key.restrictions) throw new Error('planted key missing');
    stored.key.restrictions.serverKeyRestrictions = { allowedIps: ['198.51.100.1'] };
    expect(findGeminiViolations(sim).some(unrestricted)).toBe(false);
    expect(
      findGeminiViolations(sim, { rotationDays: 1 }).filter((v) => v.ruleId === 'gemini/api-key-not-rotated')
        .length,
    ).toBeGreaterThan(5);
  });
});
