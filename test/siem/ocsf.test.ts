import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { FindingEventType } from '../../db/findings.ts';
import { toOcsf } from '../../siem/ocsf/compliance-finding.ts';
import schema from '../../siem/ocsf/compliance-finding-1.8.0.schema.json' with { type: 'json' };
import { exportEvent, exportEvents, testProduct } from '../support/export-events.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** Validation errors as "path: message" lines, so a failure names the offending attribute. */
function schemaErrors(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
}

// biome-ignore lint/suspicious/noExplicitAny: the tests below break rendered JSON at arbitrary depths on purpose
type LooseJson = Record<string, any>;

/** A rendered event as plain JSON, for tests that break it on purpose. */
function rendered(): LooseJson {
  return JSON.parse(JSON.stringify(toOcsf(exportEvent(), testProduct)));
}

describe('OCSF 1.8.0 Compliance Finding', () => {
  it('renders every event of the fixture life cycle, every severity, schema-valid', () => {
    const events = exportEvents(42);
    expect(new Set(events.map((e) => e.type)).size).toBe(6);
    for (const event of events) {
      expect(schemaErrors(toOcsf(event, testProduct)), `${event.type} #${event.eventId}`).toEqual([]);
    }
  });

  it.each<[FindingEventType, string, number, number, number, string, number]>([
    // type, toStatus, activity_id, type_uid, status_id, status, compliance.status_id
    ['opened', 'open', 1, 200301, 1, 'New', 3],
    ['reopened', 'open', 2, 200302, 1, 'New', 3],
    ['muted', 'muted', 2, 200302, 3, 'Suppressed', 3],
    ['unmuted', 'open', 2, 200302, 1, 'New', 3],
    ['severity_changed', 'open', 2, 200302, 1, 'New', 3],
    ['severity_changed', 'muted', 2, 200302, 3, 'Suppressed', 3],
    ['resolved', 'resolved', 3, 200303, 4, 'Resolved', 1],
  ])(
    '%s → %s maps to activity %i, type_uid %i, status %i %s, compliance %i',
    (type, toStatus, activity, typeUid, status, statusName, compliance) => {
      const ocsf = toOcsf(exportEvent({ type, toStatus, finding: { status: toStatus } }), testProduct);
      expect(ocsf.activity_id).toBe(activity);
      expect(ocsf.activity_name).toBe({ 1: 'Create', 2: 'Update', 3: 'Close' }[activity]);
      expect(ocsf.type_uid).toBe(typeUid);
      expect(ocsf.status_id).toBe(status);
      expect(ocsf.status).toBe(statusName);
      expect(ocsf.compliance.status_id).toBe(compliance);
      expect(ocsf.compliance.status).toBe(compliance === 1 ? 'Pass' : 'Fail');
      expect(schemaErrors(ocsf)).toEqual([]);
    },
  );

  it.each([
    ['info', 1, 'Informational'],
    ['low', 2, 'Low'],
    ['medium', 3, 'Medium'],
    ['high', 4, 'High'],
    ['critical', 5, 'Critical'],
  ] as const)('severity %s → severity_id %i %s', (severity, id, caption) => {
    const ocsf = toOcsf(exportEvent({ severity }), testProduct);
    expect(ocsf.severity_id).toBe(id);
    expect(ocsf.severity).toBe(caption);
  });

  it('carries ids and times a SIEM dedupes and orders by: event uid, fingerprint, epoch milliseconds', () => {
    const event = exportEvent({ eventId: 7, at: new Date('2026-11-21T08:30:00.456Z') });
    const ocsf = toOcsf(event, testProduct);
    expect(ocsf.time).toBe(Date.parse('2026-11-21T08:30:00.456Z'));
    expect(ocsf.metadata).toMatchObject({
      version: '1.8.0',
      uid: event.uid,
      product: { name: 'Periscope', vendor_name: 'Periscope', version: '0.1.0' },
      tenant_uid: event.tenant.id,
      correlation_uid: event.scanId,
      event_code: 'github/org-two-factor-not-required',
      sequence: 7,
    });
    expect(ocsf.finding_info).toMatchObject({
      uid: event.finding.fingerprint,
      title: 'Organization requires two-factor authentication',
      created_time: event.finding.firstSeenAt.getTime(),
      first_seen_time: event.finding.firstSeenAt.getTime(),
      last_seen_time: event.finding.lastSeenAt.getTime(),
      modified_time: event.at.getTime(),
      analytic: { uid: 'github/org-two-factor-not-required', type_id: 1, type: 'Rule' },
    });
  });

  it('maps the rule to compliance standards and control ids, and the asset to a resource', () => {
    const ocsf = toOcsf(
      exportEvent({ rule: { frameworks: { soc2: ['CC6.1'], cis: ['1.1.2', '1.1.1'] } } }),
      testProduct,
    );
    expect(ocsf.compliance).toMatchObject({
      control: 'github/org-two-factor-not-required',
      standards: ['cis', 'soc2'],
      requirements: ['cis 1.1.1', 'cis 1.1.2', 'soc2 CC6.1'],
    });
    expect(ocsf.resources).toEqual([
      {
        uid: 'github:setting:acme/two-factor',
        uid_alt: 'acme/two-factor',
        name: 'acme: two-factor requirement',
        type: 'setting',
        group: { name: 'github' },
        labels: ['github', 'setting'],
        data: { evidence: { twoFactorRequirementEnabled: false } },
      },
    ]);
    // The asset's URL is said once, as the finding's src_url.
    expect(ocsf.finding_info.src_url).toBe('https://github.com/organizations/acme/settings/security');
    expect(ocsf.remediation?.desc).toMatch(/Require two-factor/);
  });

  it.each([
    ['google-workspace', 15, 'Google Workspace'],
    ['microsoft-365', 17, 'M365 Tenant'],
    ['github', 99, 'GitHub Organization'],
    ['some-future-provider', 99, 'Other'],
  ] as const)('names the %s tenant as cloud account type %i', (provider, typeId, type) => {
    const event = exportEvent({ connection: { id: 'c-1', provider, name: 'acme' } });
    const ocsf = toOcsf(event, testProduct);
    expect(ocsf.cloud.account).toEqual({ uid: 'c-1', name: 'acme', type_id: typeId, type });
    expect(schemaErrors(ocsf)).toEqual([]);
  });

  it('still renders a valid event when the rule left the catalog', () => {
    const ocsf = toOcsf(
      exportEvent({ rule: null, scanId: null, type: 'resolved', toStatus: 'resolved' }),
      testProduct,
    );
    expect(schemaErrors(ocsf)).toEqual([]);
    expect(ocsf.finding_info.title).toBe('Organization requires two-factor authentication');
    expect(ocsf.finding_info.analytic.uid).toBe('github/org-two-factor-not-required');
    expect(ocsf.compliance).toMatchObject({
      control: 'github/org-two-factor-not-required',
      standards: [],
      status_id: 1,
    });
    expect(ocsf).not.toHaveProperty('remediation');
    expect(ocsf.metadata).not.toHaveProperty('correlation_uid');
  });

  it('keeps Periscope-only facts under unmapped', () => {
    const event = exportEvent({
      type: 'muted',
      toStatus: 'muted',
      actor: 'cli:alice',
      finding: { muteReason: 'accepted risk' },
    });
    expect(toOcsf(event, testProduct).unmapped.periscope).toMatchObject({
      event_type: 'muted',
      actor: 'cli:alice',
      mute_reason: 'accepted risk',
      tenant: { slug: 'acme', name: 'Acme Corp' },
    });
  });

  it('is deterministic: the same event renders byte-identical JSON', () => {
    const a = JSON.stringify(toOcsf(exportEvents(9)[8]!, testProduct));
    const b = JSON.stringify(toOcsf(exportEvents(9)[8]!, testProduct));
    expect(a).toBe(b);
  });

  describe('the schema rejects what OCSF consumers would misread', () => {
    it.each<[string, (e: LooseJson) => void, string]>([
      ['time in epoch seconds', (e) => (e.time = Math.floor(e.time / 1000)), '/time'],
      ['time as an ISO string', (e) => (e.time = '2026-11-20T10:00:00.123Z'), '/time'],
      [
        'a last_seen_time in seconds',
        (e) => (e.finding_info.last_seen_time = 1_795_000_000),
        '/finding_info/last_seen_time',
      ],
      ['the Detection Finding class_uid', (e) => (e.class_uid = 2004), '/class_uid'],
      ['a type_uid that does not match the activity', (e) => (e.type_uid = 200302), '/type_uid'],
      ['an unknown top-level attribute', (e) => (e.finding_fingerprint = 'x'), '/'],
      ['an unknown attribute inside finding_info', (e) => (e.finding_info.rule_id = 'x'), '/finding_info'],
      ['a missing finding_info.uid', (e) => delete e.finding_info.uid, '/finding_info'],
      ['a missing compliance object', (e) => delete e.compliance, '/'],
      ['a severity_id outside the enum', (e) => (e.severity_id = 7), '/severity_id'],
      [
        'a compliance status_id outside the enum',
        (e) => (e.compliance.status_id = 4),
        '/compliance/status_id',
      ],
      ['another OCSF version', (e) => (e.metadata.version = '1.3.0'), '/metadata/version'],
      ['a cloud object without provider', (e) => delete e.cloud.provider, '/cloud'],
      ['the cloud profile without a cloud object', (e) => delete e.cloud, '/'],
      ['remediation without desc', (e) => delete e.remediation.desc, '/remediation'],
      ['a resource with neither uid nor name', (e) => (e.resources = [{ type: 'setting' }]), '/resources/0'],
    ])('%s', (_name, breakIt, path) => {
      const event = rendered();
      expect(schemaErrors(event)).toEqual([]);
      breakIt(event);
      const errors = schemaErrors(event);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.some((line) => line.startsWith(`${path}:`))).toBe(true);
    });
  });
});
