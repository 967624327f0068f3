/**
 * Export events for renderer and sink tests, without a database: `exportEvent()` is one plausible
 * event (an opened high-severity GitHub finding); overrides replace whole top-level fields, and
 * `finding`/`rule` overrides are merged. `exportEvents(n)` is a varied, ordered sequence.
 */
import { type ExportEvent, exportEventUid, type ProductInfo } from '../../siem/export-event.ts';

export const testProduct: ProductInfo = { name: 'Periscope', vendor: 'Periscope', version: '0.1.0' };

type Overrides = Partial<Omit<ExportEvent, 'finding' | 'rule'>> & {
  finding?: Partial<ExportEvent['finding']>;
  rule?: Partial<NonNullable<ExportEvent['rule']>> | null;
};

export function exportEvent(overrides: Overrides = {}): ExportEvent {
  const { finding, rule, ...top } = overrides;
  const eventId = top.eventId ?? 1;
  const at = top.at ?? new Date('2026-11-20T10:00:00.123Z');
  const type = top.type ?? 'opened';
  const base: ExportEvent['finding'] = {
    id: '5b8f0c3e-2f7a-4c1d-9e55-0a1b2c3d4e5f',
    fingerprint: 'f3a9c1d2e4b5a6978877665544332211',
    ruleId: 'github/org-two-factor-not-required',
    title: 'Organization requires two-factor authentication',
    severity: 'high',
    status: 'open',
    provider: 'github',
    assetKey: 'github:setting:acme/two-factor',
    assetKind: 'setting',
    assetExternalId: 'acme/two-factor',
    assetName: 'acme: two-factor requirement',
    assetUrl: 'https://github.com/organizations/acme/settings/security',
    evidence: { twoFactorRequirementEnabled: false },
    firstSeenAt: new Date('2026-11-20T10:00:00.123Z'),
    lastSeenAt: at,
    resolvedAt: null,
    muteReason: null,
    mutedUntil: null,
    ...finding,
  };
  const baseRule: NonNullable<ExportEvent['rule']> = {
    id: base.ruleId,
    title: base.title,
    description: 'Members without two-factor authentication can be taken over with a stolen password.',
    remediation: 'Settings → Authentication security → Require two-factor authentication.',
    references: ['https://docs.github.com/en/organizations/keeping-your-organization-secure'],
    frameworks: { cis: ['1.1.1'], soc2: ['CC6.1'] },
  };
  return {
    eventId,
    uid: top.uid ?? exportEventUid(base.fingerprint, eventId, type, at),
    type,
    fromStatus: null,
    toStatus: base.status,
    severity: base.severity,
    at,
    actor: null,
    detail: {},
    scanId: '0c9b7f5e-1111-4222-8333-944455566677',
    tenant: { id: '11111111-2222-4333-8444-555555555555', slug: 'acme', name: 'Acme Corp' },
    connection: { id: '66666666-7777-4888-9999-000000000000', provider: base.provider, name: 'acme-github' },
    ...top,
    finding: base,
    rule: rule === null ? null : { ...baseRule, ...rule },
  };
}

const cycle = ['opened', 'muted', 'unmuted', 'severity_changed', 'resolved', 'reopened'] as const;
const statusAfter = {
  opened: 'open',
  muted: 'muted',
  unmuted: 'open',
  severity_changed: 'open',
  resolved: 'resolved',
  reopened: 'open',
} as const;
const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** `n` events with increasing ids over a handful of findings, each walking its own life cycle. */
export function exportEvents(n: number, startId = 1): ExportEvent[] {
  const out: ExportEvent[] = [];
  for (let i = 0; i < n; i++) {
    const findingNo = i % 7;
    const type = cycle[Math.floor(i / 7) % cycle.length]!;
    const severity = severities[findingNo % severities.length]!;
    out.push(
      exportEvent({
        eventId: startId + i,
        type,
        toStatus: statusAfter[type],
        severity,
        at: new Date(Date.UTC(2026, 10, 20, 10, 0, 0) + i * 1000),
        finding: {
          id: `00000000-0000-4000-8000-${String(findingNo).padStart(12, '0')}`,
          fingerprint: `fp${String(findingNo).padStart(30, '0')}`,
          severity,
          status: statusAfter[type],
          assetExternalId: `asset-${findingNo}`,
          assetKey: `github:setting:asset-${findingNo}`,
          assetName: `asset ${findingNo} | with = odd \\ chars\nand a newline`,
        },
      }),
    );
  }
  return out;
}
