import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../api/tokens/format.ts';
import { apiTokens } from '../../db/schema.ts';
import { type ApiHarness, json, startApiHarness } from './harness.ts';

interface FindingBody {
  id: string;
  ruleId: string;
  severity: string;
  status: string;
  provider: string;
  connectionId: string;
  asset: { kind: string; externalId: string; name: string };
  firstSeenAt: string;
  lastSeenAt: string;
  mute: { reason: string; by: string | null; until: string | null } | null;
  severityOverride: { severity: string; computed: string; reason: string; by: string } | null;
}
interface FindingPage {
  items: FindingBody[];
  nextCursor: string | null;
  facets?: {
    total: number;
    severity: Record<string, number>;
    provider: Record<string, number>;
    rule: Record<string, number>;
  };
}

describe('findings API', () => {
  let h: ApiHarness;
  let base: string;
  beforeAll(async () => {
    h = await startApiHarness();
    base = `/v1/tenants/${h.alpha.tenant.slug}/findings`;
  });
  afterAll(async () => h?.close());

  const list = async (query: Record<string, string>) => {
    const response = await h.call(h.alpha.token, { method: 'GET', url: base, query });
    expect(response.statusCode, response.body).toBe(200);
    return json<FindingPage>(response);
  };

  it('lists the open findings of the token’s tenant, most severe first', async () => {
    const page = await list({ limit: '500' });
    const open = h.alpha.findings.filter((f) => f.status === 'open');
    expect(page.items.map((f) => f.id).sort()).toEqual(open.map((f) => f.id).sort());
    expect(page.items.every((f) => f.connectionId === h.alpha.connectionId)).toBe(true);
    const ranks = page.items.map((f) => ['info', 'low', 'medium', 'high', 'critical'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('walks every page with the cursor, each finding exactly once, in any sort', async () => {
    const all = (await list({ limit: '500', status: 'all' })).items.map((f) => f.id).sort();
    for (const sort of ['-severity', 'severity', 'lastSeenAt', '-firstSeenAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: FindingPage = await list({
          status: 'all',
          sort,
          limit: '7',
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((f) => f.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort(), sort).toEqual(all);
    }
  });

  it('filters by severity, provider, rule, kind, asset, framework, dates and text', async () => {
    const sample = h.alpha.findings.find((f) => f.status === 'open')!;
    const bySeverity = await list({ severity: sample.severity, limit: '500' });
    expect(bySeverity.items.length).toBeGreaterThan(0);
    expect(bySeverity.items.every((f) => f.severity === sample.severity)).toBe(true);

    const byRule = await list({ rule: sample.ruleId, limit: '500' });
    expect(byRule.items.every((f) => f.ruleId === sample.ruleId)).toBe(true);
    expect(byRule.items.map((f) => f.id)).toContain(sample.id);

    const byKind = await list({ kind: sample.assetKind, limit: '500' });
    expect(byKind.items.every((f) => f.asset.kind === sample.assetKind)).toBe(true);

    const byAsset = await list({ asset: sample.assetKey });
    expect(byAsset.items.map((f) => f.id)).toContain(sample.id);
    expect((await list({ asset: sample.assetExternalId })).items.map((f) => f.id)).toContain(sample.id);

    expect((await list({ provider: 'microsoft-365' })).items).toEqual([]);
    expect((await list({ provider: 'github', limit: '500' })).items.length).toBe(
      (await list({ limit: '500' })).items.length,
    );

    const soc2 = await list({ framework: 'soc2', limit: '500', status: 'all' });
    const { rules } = await import('../../rules/index.ts');
    const soc2Rules = new Set(rules.filter((r) => r.frameworks.soc2).map((r) => r.id));
    expect(soc2.items.length).toBeGreaterThan(0);
    expect(soc2.items.every((f) => soc2Rules.has(f.ruleId))).toBe(true);
    expect((await list({ framework: 'no-such-framework' })).items).toEqual([]);

    const later = new Date(Date.parse(sample.lastSeenAt.toISOString()) + 1000).toISOString();
    expect((await list({ lastSeenFrom: later })).items).toEqual([]);
    expect((await list({ firstSeenTo: '2000-01-01' })).items).toEqual([]);
    expect((await list({ lastSeenTo: later, limit: '500' })).items.length).toBeGreaterThan(0);

    const byText = await list({ q: sample.assetName.toUpperCase(), limit: '500' });
    expect(byText.items.map((f) => f.id)).toContain(sample.id);
    expect((await list({ q: '%' })).items).toEqual([]); // a literal %, not a wildcard
  });

  it('counts facets by severity, provider and rule over the whole filter, not the page', async () => {
    const page = await list({ limit: '1', facets: 'true', status: 'all' });
    expect(page.items).toHaveLength(1);
    expect(page.facets!.total).toBe(h.alpha.findings.length);
    expect(page.facets!.provider).toEqual({ github: h.alpha.findings.length });
    const bySeverity: Record<string, number> = {};
    for (const f of h.alpha.findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    expect(page.facets!.severity).toEqual(bySeverity);
    expect(Object.values(page.facets!.rule).reduce((a, b) => a + b, 0)).toBe(h.alpha.findings.length);
  });

  it('counts each facet exactly under a filter, from one pass over the matches', async () => {
    const sample = h.alpha.findings.find((f) => f.status === 'open')!;
    const matching = h.alpha.findings.filter(
      (f) => f.status !== 'resolved' && f.severity === sample.severity,
    );
    const count = (key: (f: (typeof matching)[number]) => string) => {
      const counts: Record<string, number> = {};
      for (const f of matching) counts[key(f)] = (counts[key(f)] ?? 0) + 1;
      return counts;
    };
    const page = await list({ status: 'open,muted', severity: sample.severity, facets: 'true', limit: '1' });
    expect(page.facets).toEqual({
      total: matching.length,
      severity: count((f) => f.severity),
      provider: count((f) => f.provider),
      rule: count((f) => f.ruleId),
    });
    const none = await list({ provider: 'microsoft-365', facets: 'true' });
    expect(none.facets).toEqual({ total: 0, severity: {}, provider: {}, rule: {} });
  });

  it('finds text inside one field, never across two neighbouring fields', async () => {
    const fields = (f: (typeof h.alpha.findings)[number]) =>
      [f.title, f.ruleId, f.assetName, f.assetKey, f.assetExternalId].map((v) => v.toLowerCase());
    const expected = (text: string) =>
      h.alpha.findings
        .filter((f) => f.status === 'open' && fields(f).some((v) => v.includes(text.toLowerCase())))
        .map((f) => f.id)
        .sort();
    const sample = h.alpha.findings.find((f) => f.status === 'open')!;
    const ruleWord = sample.ruleId.split('/')[1]!.slice(0, 6);
    // Short texts have no trigram and long ones do: both must give exactly the per-field matches.
    for (const text of [ruleWord, ruleWord.slice(0, 2), sample.assetExternalId.slice(-5)]) {
      const page = await list({ q: text, limit: '500' });
      expect(page.items.map((f) => f.id).sort(), text).toEqual(expected(text));
    }
    // The end of the title and the start of the rule id, joined by a space or by the character the
    // search index joins fields with: adjacent in that index only, so never a match.
    for (const joint of [' ', '\u001f']) {
      const straddling = `${sample.title.slice(-4)}${joint}${sample.ruleId.slice(0, 4)}`;
      expect(expected(straddling)).toEqual([]);
      expect((await list({ q: straddling, limit: '500' })).items, JSON.stringify(joint)).toEqual([]);
    }
  });

  it('refuses unknown filters, bad values and foreign cursors, naming the field', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ sevrity: 'high' }, 'querystring.sevrity'],
      [{ severity: 'urgent' }, 'querystring.severity'],
      [{ limit: '0' }, 'querystring.limit'],
      [{ lastSeenFrom: 'yesterday' }, 'querystring.lastSeenFrom'],
      [{ cursor: 'bm90IGEgY3Vyc29y' }, 'querystring.cursor'],
      [{ sort: 'title' }, 'querystring.sort'],
    ];
    for (const [query, field] of cases) {
      const response = await h.call(h.alpha.token, { method: 'GET', url: base, query });
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      const body = json<{
        error: { code: string; message: string; details: { issues: Array<{ field: string }> } };
      }>(response);
      expect(body.error.code).toBe('validation_failed');
      const fields = body.error.details.issues.map((i) => i.field);
      expect(
        fields.some((f) => f === field || f.startsWith(`${field}.`)),
        fields.join(),
      ).toBe(true);
      expect(body.error.message).toContain(field);
    }
    const first = await list({ limit: '1', sort: 'lastSeenAt' });
    const mixed = await h.call(h.alpha.token, {
      method: 'GET',
      url: base,
      query: { sort: '-severity', cursor: first.nextCursor! },
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.body).toContain('querystring.cursor');
  });

  it('shows one finding with its event history', async () => {
    const target = h.alpha.findings[0]!;
    const response = await h.call(h.alpha.token, { method: 'GET', url: `${base}/${target.id}` });
    expect(response.statusCode).toBe(200);
    const body = json<
      FindingBody & { events: Array<{ type: string; toStatus: string; scanId: string | null }> }
    >(response);
    expect(body.id).toBe(target.id);
    expect(body.events[0]).toMatchObject({ type: 'opened', toStatus: 'open', scanId: h.alpha.scan.id });
    const missing = await h.call(h.alpha.token, {
      method: 'GET',
      url: `${base}/00000000-0000-4000-8000-000000000000`,
    });
    expect(missing.statusCode).toBe(404);
    expect(json<{ error: { code: string } }>(missing).error.code).toBe('not_found');
  });

  it('mutes with a reason and expiry, keeps the mute across a scan, and unmutes', async () => {
    const target = h.alpha.findings.find((f) => f.status === 'open')!;
    const url = `${base}/${target.id}/mute`;
    const refused = await h.call(h.alpha.token, { method: 'PUT', url, payload: { reason: '  ' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('body.reason');
    const past = await h.call(h.alpha.token, {
      method: 'PUT',
      url,
      payload: { reason: 'x', until: '2001-01-01' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('body.until');

    const muted = await h.call(h.alpha.token, {
      method: 'PUT',
      url,
      payload: { reason: 'accepted: legacy bot', until: '2099-06-30' },
    });
    expect(muted.statusCode, muted.body).toBe(200);
    expect(json<FindingBody>(muted)).toMatchObject({
      status: 'muted',
      mute: { reason: 'accepted: legacy bot', until: '2099-06-30T00:00:00.000Z' },
    });
    expect(json<FindingBody>(muted).mute!.by).toMatch(/^api-token:/);

    await h.alpha.harness.scan();
    const after = await h.call(h.alpha.token, { method: 'GET', url: `${base}/${target.id}` });
    const detail = json<FindingBody & { events: Array<{ type: string; actor: string | null }> }>(after);
    expect(detail.status).toBe('muted');
    expect(detail.events.map((e) => e.type)).toContain('muted');

    const unmuted = await h.call(h.alpha.token, { method: 'DELETE', url });
    expect(unmuted.statusCode).toBe(200);
    expect(json<FindingBody>(unmuted)).toMatchObject({ status: 'open', mute: null });
  });

  it('overrides a severity, keeps it across a scan, and clears it back to the rules’ value', async () => {
    const target = h.alpha.findings.find((f) => f.status === 'open' && f.severity !== 'info')!;
    const url = `${base}/${target.id}/severity`;
    const set = await h.call(h.alpha.token, {
      method: 'PUT',
      url,
      payload: { severity: 'info', reason: 'compensating control' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(json<FindingBody>(set)).toMatchObject({
      severity: 'info',
      severityOverride: { severity: 'info', computed: target.severity, reason: 'compensating control' },
    });
    await h.alpha.harness.scan();
    const infoOnly = await list({ severity: 'info', limit: '500' });
    expect(infoOnly.items.map((f) => f.id)).toContain(target.id);

    const cleared = await h.call(h.alpha.token, { method: 'DELETE', url });
    expect(cleared.statusCode).toBe(200);
    expect(json<FindingBody>(cleared)).toMatchObject({ severity: target.severity, severityOverride: null });
    const detail = json<{ events: Array<{ type: string }> }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${base}/${target.id}` }),
    );
    expect(detail.events.filter((e) => e.type === 'severity_changed')).toHaveLength(2);
    const bad = await h.call(h.alpha.token, {
      method: 'PUT',
      url,
      payload: { severity: 'urgent', reason: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.severity');
  });

  it('reach the token’s tenant by slug or id and write its last use at most once a minute', async () => {
    const token = await h.token({ tenant: h.alpha.tenant.slug, scopes: ['findings:read'] });
    const lastUsed = async () => {
      const [row] = await h.database.db
        .select({ lastUsedAt: apiTokens.lastUsedAt })
        .from(apiTokens)
        .where(eq(apiTokens.tokenHash, hashToken(token)));
      return row!.lastUsedAt;
    };
    const get = (tenant: string) => h.call(token, { method: 'GET', url: `/v1/tenants/${tenant}/findings` });
    expect(await lastUsed()).toBeNull();
    const bySlug = await get(h.alpha.tenant.slug);
    expect(bySlug.statusCode).toBe(200);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);

    const byId = await get(h.alpha.tenant.id);
    expect(byId.statusCode).toBe(200);
    expect(json<FindingPage>(byId).items).toEqual(json<FindingPage>(bySlug).items);
    expect(await lastUsed()).toEqual(first);
    expect((await get(h.bravo.tenant.slug)).statusCode).toBe(404);
    expect((await get(h.bravo.tenant.id)).statusCode).toBe(404);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await h.database.db
      .update(apiTokens)
      .set({ lastUsedAt: twoMinutesAgo })
      .where(eq(apiTokens.tokenHash, hashToken(token)));
    expect((await get(h.alpha.tenant.slug)).statusCode).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });
});
