/**
 * Google's throttling and bad answers: 429 RESOURCE_EXHAUSTED and 503s are ridden out with
 * backoff (kept short here through retryBaseMs), a malformed page fails only its own stream
 * and resolves nothing it did not read, and a bad service-account key fails the scan as
 * auth_failed with a message that names the account but carries no key material.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { findGeminiViolations } from '../../../sandbox/index.ts';
import { type GeminiHarness, startGeminiHarness } from '../../support/gemini-harness.ts';

const KEYS_LIST = '/v2/projects/{project}/locations/{location}/keys';
const FILES_LIST = '/v1beta/files';
const oracle = (h: GeminiHarness) =>
  findGeminiViolations(h.sim)
    .map((v) => `${v.ruleId} ${v.assetKey}`)
    .sort();

describe('gemini under throttling and bad responses', () => {
  let h: GeminiHarness | undefined;
  afterEach(() => h?.close());

  it('rides out 429 RESOURCE_EXHAUSTED budgets on both APIs and finds the same findings', async () => {
    h = await startGeminiHarness({
      sim: {
        pageLimits: { keys: 3, files: 4 },
        throttle: { apiKeysPerWindow: 2, filesPerWindow: 2, windowMs: 150 },
      },
      config: { retryBaseMs: '40' },
    });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(h.sim.requests.count('GET', KEYS_LIST)).toBeGreaterThan(2);
    expect(h.sim.requests.byEndpoint()[`GET ${KEYS_LIST}`]?.byStatus['429']).toBeGreaterThan(0);
    expect(h.sim.requests.byEndpoint()[`GET ${FILES_LIST}`]?.byStatus['429']).toBeGreaterThan(0);
    expect((scan.httpStats.byStatus as Record<string, number>)['429']).toBeGreaterThan(0);
    expect(await h.findingKeys()).toEqual(oracle(h));
  });

  it('retries injected 429s and 503s a few times, then succeeds', async () => {
    h = await startGeminiHarness();
    h.sim.faults.add({ path: KEYS_LIST, kind: 'rate-limit', status: 429, times: 2 });
    h.sim.faults.add({ path: FILES_LIST, kind: 'server-error', status: 503, times: 3 });
    h.sim.faults.add({ path: '/token', kind: 'server-error', status: 500, times: 1 });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(h.sim.faults.list().map((f) => f.hits)).toEqual([2, 3, 1]);
    expect(scan.httpStats.byStatus).toMatchObject({ 429: 2, 503: 3, 500: 1 });
    expect(await h.findingKeys()).toEqual(oracle(h));
  });

  it('gives up on a 429 that never ends: the stream fails as rate_limited, the other completes', async () => {
    h = await startGeminiHarness();
    h.sim.faults.add({ path: FILES_LIST, kind: 'rate-limit', status: 429 });
    const { outcome, scan } = await h.scan({ finalAttempt: true });
    expect(outcome).toMatchObject({ status: 'partial', retryable: true });
    expect(scan.streams.files).toMatchObject({ status: 'failed', error: { code: 'rate_limited' } });
    expect(scan.streams['api-keys']?.status).toBe('completed');
  });

  it('a malformed files page fails the files stream only', async () => {
    h = await startGeminiHarness();
    h.sim.faults.add({ path: FILES_LIST, kind: 'malformed' });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('partial');
    expect(scan.streams.files).toMatchObject({ status: 'failed', error: { code: 'malformed_response' } });
    expect(scan.streams['api-keys']?.status).toBe('completed');
    expect(await h.findingKeys()).toEqual(oracle(h));
  });

  it('a malformed keys page fails the keys stream only, and keeps its findings open', async () => {
    h = await startGeminiHarness();
    await h.scan();
    const before = await h.findingKeys();
    expect(before).toEqual(oracle(h));
    h.sim.faults.add({ path: KEYS_LIST, kind: 'malformed' });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('partial');
    expect(scan.streams['api-keys']).toMatchObject({
      status: 'failed',
      error: { code: 'malformed_response' },
    });
    expect(scan.streams['api-keys']?.error?.message).not.toMatch(/ya29|Bearer|PRIVATE KEY|AIza/);
    expect(scan.streams.files?.status).toBe('completed');
    for (const id of [
      'gemini/api-key-unrestricted',
      'gemini/api-key-all-apis',
      'gemini/api-key-not-rotated',
    ]) {
      expect(scan.rules[id]?.status, id).toBe('not_evaluated');
    }
    expect(await h.findingKeys()).toEqual(before);
    expect(await h.findingKeys('resolved')).toEqual([]);
  });
});

describe('gemini with a bad service-account key', () => {
  let h: GeminiHarness | undefined;
  afterEach(() => h?.close());

  const keyMaterial = (pem: string) =>
    pem
      .split('\n')
      .filter((line) => line && !line.startsWith('-----'))
      .slice(0, 3);

  it('a key Google does not know (wrong signature) → auth_failed naming the account, no key material', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    h = await startGeminiHarness({
      credentials: (sim) => ({ serviceAccountKey: { ...sim.serviceAccount, private_key: stranger } }),
    });
    const { outcome, scan } = await h.scan();
    expect(outcome).toMatchObject({ status: 'failed', fatal: true });
    expect(scan.error?.code).toBe('auth_failed');
    expect(scan.error?.message).toContain(h.sim.serviceAccount.client_email);
    expect(scan.error?.message).toContain('invalid_grant');
    const text = JSON.stringify(scan) + h.logs.join('\n');
    for (const line of [...keyMaterial(stranger), ...keyMaterial(h.sim.serviceAccount.private_key)]) {
      expect(text).not.toContain(line);
    }
    expect(text).not.toContain('PRIVATE KEY');
    expect(h.sim.requests.count('GET', KEYS_LIST)).toBe(0);
  });

  it('a key that is not a usable private key → auth_failed before any call, no key material', async () => {
    const broken =
      '-----BEGIN PRIVATE KEY-----\nTUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD\n-----END PRIVATE KEY-----\n';
    h = await startGeminiHarness({
      credentials: (sim) => ({ serviceAccountKey: { ...sim.serviceAccount, private_key: broken } }),
    });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('failed');
    expect(scan.error?.code).toBe('auth_failed');
    expect(scan.error?.message).toContain('could not sign');
    const text = JSON.stringify(scan) + h.logs.join('\n');
    expect(text).not.toContain('TUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD');
    expect(h.sim.requests.total()).toBe(0);
  });
});
