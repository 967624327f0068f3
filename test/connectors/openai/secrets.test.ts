/**
 * No key the simulator knows — the scanner's admin and project keys, and every other key value —
 * appears in stored assets, findings, finding events, scan records or logs, after a full scan
 * with DLP and after a scan whose key was refused (whose error text quotes a masked key).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assets, findingEvents, findings, scans } from '../../../db/schema.ts';
import { type OpenAIHarness, startOpenAIHarness } from '../../support/openai-harness.ts';

describe('openai secrets stay out of everything stored', () => {
  let h: OpenAIHarness;
  beforeAll(async () => {
    h = await startOpenAIHarness({ dlp: true });
  });
  afterAll(() => h?.close());

  it('stores hints, never key values', async () => {
    const { outcome } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    await h.setCredentials({ adminKey: `sk-admin-${'Xy9'.repeat(16)}` });
    expect((await h.scan()).outcome.status).toBe('failed');
    const { db } = h.database;
    const stored = JSON.stringify([
      await db.select().from(assets),
      await db.select().from(findings),
      await db.select().from(findingEvents),
      await db.select().from(scans),
    ]);
    const keyAssets = (await db.select().from(assets)).filter((a) => a.kind === 'api_key');
    expect(keyAssets.length).toBeGreaterThan(20);
    const text = stored + h.logs.join('');
    const secrets = [...h.sim.secrets(), `sk-admin-${'Xy9'.repeat(16)}`];
    expect(secrets.length).toBeGreaterThan(40);
    for (const secret of secrets) {
      expect(text.includes(secret), 'a full key').toBe(false);
      expect(text.includes(secret.slice(-12)), 'a key tail').toBe(false);
    }
    expect(text).not.toMatch(/sk-admi\*/); // the masked echo in OpenAI's 401
    // The hint is the redacted value.
    expect(stored).toMatch(/sk-admin-\w{3}\.\.\.\w{3}/);
  });
});
