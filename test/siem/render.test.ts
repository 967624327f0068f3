import { describe, expect, it } from 'vitest';
import { toOcsf } from '../../siem/ocsf/compliance-finding.ts';
import { toEcs } from '../../siem/render/ecs.ts';
import { toPlainJson } from '../../siem/render/json.ts';
import { exportEvent, exportEvents, testProduct } from '../support/export-events.ts';

const resolved = () =>
  exportEvent({
    type: 'resolved',
    fromStatus: 'open',
    toStatus: 'resolved',
    at: new Date('2026-11-22T09:00:00.000Z'),
    finding: { status: 'resolved', resolvedAt: new Date('2026-11-22T09:00:00.000Z') },
  });

describe('plain JSON rendering', () => {
  it('carries ids, ISO times, the finding with its evidence, the rule and the product', () => {
    const event = exportEvent({ eventId: 42 });
    const json = toPlainJson(event, testProduct);
    expect(json).toMatchObject({
      eventId: 42,
      uid: event.uid,
      type: 'opened',
      toStatus: 'open',
      severity: 'high',
      at: '2026-11-20T10:00:00.123Z',
      tenant: { id: event.tenant.id, slug: 'acme', name: 'Acme Corp' },
      connection: { id: event.connection.id, provider: 'github', name: 'acme-github' },
      finding: {
        fingerprint: event.finding.fingerprint,
        ruleId: 'github/org-two-factor-not-required',
        assetKey: 'github:setting:acme/two-factor',
        evidence: { twoFactorRequirementEnabled: false },
        firstSeenAt: '2026-11-20T10:00:00.123Z',
        resolvedAt: null,
      },
      rule: { id: 'github/org-two-factor-not-required', frameworks: { cis: ['1.1.1'], soc2: ['CC6.1'] } },
      product: { name: 'Periscope', vendor: 'Periscope', version: '0.1.0' },
    });
  });

  it('survives a JSON round trip unchanged (no Dates or undefined left in it)', () => {
    for (const event of exportEvents(7)) {
      const json = toPlainJson(event, testProduct);
      expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    }
  });

  it('renders a removed rule as null and a resolution time as ISO', () => {
    const json = toPlainJson({ ...resolved(), rule: null }, testProduct);
    expect(json.rule).toBeNull();
    expect((json.finding as Record<string, unknown>).resolvedAt).toBe('2026-11-22T09:00:00.000Z');
  });
});

describe('ECS rendering', () => {
  it('stamps the event id, time and a failing evaluation while the finding is open', () => {
    const event = exportEvent();
    const doc = toEcs(event, testProduct);
    expect(doc).toMatchObject({
      '@timestamp': '2026-11-20T10:00:00.123Z',
      event: {
        id: event.uid,
        kind: 'event',
        category: ['configuration'],
        type: ['creation'],
        action: 'opened',
        outcome: 'failure',
        severity: 4,
        created: '2026-11-20T10:00:00.123Z',
      },
      rule: {
        id: 'github/org-two-factor-not-required',
        name: 'Organization requires two-factor authentication',
        reference: 'https://docs.github.com/en/organizations/keeping-your-organization-secure',
        ruleset: 'github',
      },
      resource: {
        id: 'github:setting:acme/two-factor',
        name: 'acme: two-factor requirement',
        type: 'setting',
      },
      result: { evaluation: 'FAILED', evidence: { twoFactorRequirementEnabled: false } },
      observer: { vendor: 'Periscope', product: 'Periscope', version: '0.1.0' },
      organization: { id: event.tenant.id, name: 'Acme Corp' },
      periscope: {
        finding: { fingerprint: event.finding.fingerprint, status: 'open' },
        tenant: { slug: 'acme' },
      },
    });
  });

  it('reports success and PASSED when the finding resolves', () => {
    const doc = toEcs(resolved(), testProduct) as {
      event: Record<string, unknown>;
      result: Record<string, unknown>;
    };
    expect(doc.event).toMatchObject({ outcome: 'success', type: ['deletion'], action: 'resolved' });
    expect(doc.result.evaluation).toBe('PASSED');
  });

  it('keeps a muted finding failing: muting accepts the risk, it does not fix it', () => {
    const doc = toEcs(
      exportEvent({ type: 'muted', toStatus: 'muted', finding: { status: 'muted' } }),
      testProduct,
    ) as {
      event: Record<string, unknown>;
      result: Record<string, unknown>;
    };
    expect(doc.event).toMatchObject({ outcome: 'failure', type: ['change'] });
    expect(doc.result.evaluation).toBe('FAILED');
  });

  it('points at the OCSF rendering of the same event', () => {
    for (const event of exportEvents(12)) {
      const doc = toEcs(event, testProduct) as { periscope: { ocsf: { type_uid: number } } };
      expect(doc.periscope.ocsf.type_uid).toBe(toOcsf(event, testProduct).type_uid);
    }
  });

  it('names the finding when the rule left the catalog, without empty fields', () => {
    const doc = toEcs(exportEvent({ rule: null, finding: { title: 'Old title' } }), testProduct) as {
      rule: Record<string, unknown>;
    };
    expect(doc.rule).toEqual({
      id: 'github/org-two-factor-not-required',
      name: 'Old title',
      ruleset: 'github',
      category: 'setting',
    });
  });
});
