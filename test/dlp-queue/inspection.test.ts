/**
 * Content inspection through the pipeline: a scan stores files and queues the shared ones; the
 * DLP queue fetches content, stores counts and masked hints, and opens or resolves DLP findings.
 * Unchanged files are not fetched again, and a changed file's finding is neither resolved nor
 * reopened while its new content waits for inspection.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAssetRow } from '../../db/asset-dlp.ts';
import { createConnection } from '../../db/connections.ts';
import { listFindingEvents, listFindings } from '../../db/finding-queries.ts';
import { updatePolicy } from '../../db/policy.ts';
import { createOrGetActiveScan } from '../../db/scans.ts';
import { createTenant } from '../../db/tenants.ts';
import { rules } from '../../rules/index.ts';
import { createLogger } from '../../runtime/logger.ts';
import { SecretBox } from '../../runtime/secrets.ts';
import { InProcessDlpQueue } from '../../scanner/dlp-queue/in-process.ts';
import type { FileAsset } from '../../scanner/model.ts';
import { runScan, type ScanDeps } from '../../scanner/scan.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createFilesConnector, type MemoryFile } from '../support/files-connector.ts';

const sensitive =
  'Payroll export\nEmployee SSN: 536-22-1847\nSpouse SSN: 412-67-9035\nDependant SSN: 287-14-5522\n';
const harmless = 'Quarterly planning notes: ship the new onboarding flow, hire two engineers.\n';

describe('DLP inspection queue', () => {
  let database: TestDatabase;
  let deps: ScanDeps;
  let queue: InProcessDlpQueue;
  let tenantId: string;
  let connectionId: string;
  const files = new Map<string, MemoryFile>();
  const { connector, fetches } = createFilesConnector(files);
  const logs: string[] = [];

  const scan = async () => {
    const { scan } = await createOrGetActiveScan(database.db, tenantId, connectionId);
    const outcome = await runScan(deps, scan.id);
    await queue.idle();
    return outcome;
  };
  // The DLP rules' findings; the plain sharing rules (common/file-*) also fire on these files.
  const open = async () =>
    (await listFindings(database.db, tenantId, { status: 'open' }))
      .filter((f) => f.ruleId.startsWith('common/dlp-'))
      .map((f) => `${f.ruleId} ${f.assetExternalId}`);

  beforeAll(async () => {
    database = await createTestDatabase();
    const box = new SecretBox(Buffer.alloc(32, 3));
    const sink = new Writable({
      write(chunk, _e, done) {
        logs.push(String(chunk));
        done();
      },
    });
    deps = {
      db: database.db,
      box,
      logger: createLogger({ level: 'debug', destination: sink }),
      connectors: { 'google-workspace': connector },
      rules,
    };
    queue = new InProcessDlpQueue(deps, { ratePerSecond: () => 100 });
    deps.dlpQueue = queue;
    tenantId = (await createTenant(database.db, 'files')).id;
    connectionId = (
      await createConnection(database.db, box, {
        tenantId,
        provider: 'google-workspace',
        config: {},
        credentials: {},
      })
    ).id;
    const at = '2026-11-01T10:00:00.000Z';
    files.set('payroll', {
      name: 'payroll.txt',
      exposure: 'anyone_with_link',
      access: 'edit',
      modifiedAt: at,
      mimeType: 'text/plain',
      content: sensitive,
    });
    files.set('plans', {
      name: 'plans.txt',
      exposure: 'anyone_with_link',
      access: 'view',
      modifiedAt: at,
      mimeType: 'text/plain',
      content: harmless,
    });
    files.set('private', {
      name: 'mine.txt',
      exposure: 'private',
      access: null,
      modifiedAt: at,
      mimeType: 'text/plain',
      content: sensitive,
    });
    files.set('photo', {
      name: 'team.png',
      exposure: 'domain',
      access: 'view',
      modifiedAt: at,
      mimeType: 'image/png',
      content: null,
    });
  });
  afterAll(async () => {
    await queue?.close();
    await database?.close();
  });

  it('inspects shared files only and opens a finding for the sensitive public one', async () => {
    expect((await scan()).status).toBe('succeeded');
    expect(await open()).toEqual(['common/dlp-file-public-edit payroll']);
    expect(fetches()).toBe(3); // payroll, plans, photo; the private file is not fetched

    const dlpOf = async (id: string) => {
      const row = await findAssetRow(database.db, tenantId, connectionId, `google-workspace:file:${id}`);
      return { row, dlp: (row?.data as { dlp: FileAsset['dlp'] } | undefined)?.dlp ?? null };
    };
    const { row: payroll, dlp } = await dlpOf('payroll');
    expect(dlp?.status).toBe('matched');
    expect(dlp?.profiles).toContain('pii');
    expect(dlp?.detectors).toContainEqual(expect.objectContaining({ id: 'us-ssn', count: 3 }));
    expect((await dlpOf('photo')).dlp?.status).toBe('unsupported');
    expect((await dlpOf('private')).row).toBeDefined();
    expect((await dlpOf('private')).dlp).toBeNull();

    // Counts and masked hints only: no value reaches findings, assets or logs.
    const stored =
      JSON.stringify([await listFindings(database.db, tenantId, { status: 'all' }), payroll?.data]) +
      logs.join('');
    for (const ssn of ['536-22-1847', '412-67-9035', '287-14-5522']) expect(stored).not.toContain(ssn);
  });

  it('does not fetch unchanged files again and keeps their findings', async () => {
    const eventsBefore = (await listFindingEvents(database.db, tenantId)).length;
    await scan();
    expect(fetches()).toBe(3);
    expect(await open()).toEqual(['common/dlp-file-public-edit payroll']);
    expect((await listFindingEvents(database.db, tenantId)).length).toBe(eventsBefore);
  });

  it('keeps the finding while a changed file waits for inspection, and resolves it once clean', async () => {
    const payroll = files.get('payroll')!;
    files.set('payroll', {
      ...payroll,
      modifiedAt: '2026-11-02T10:00:00.000Z',
      content: `${sensitive}more rows\n`,
    });
    await scan();
    expect(fetches()).toBe(4);
    expect(await open()).toEqual(['common/dlp-file-public-edit payroll']);

    files.set('payroll', { ...payroll, modifiedAt: '2026-11-03T10:00:00.000Z', content: harmless });
    await scan();
    expect(fetches()).toBe(5);
    expect(await open()).toEqual([]);
    const [dlpFinding] = await listFindings(database.db, tenantId, {
      ruleId: 'common/dlp-file-public-edit',
      status: 'all',
    });
    const types = (await listFindingEvents(database.db, tenantId, dlpFinding?.id)).map((e) => e.type);
    expect(types).toEqual(['opened', 'resolved']);
  });

  it('a custom profile with a catastrophic-backtracking pattern does not stall the inspection', async () => {
    await updatePolicy(database.db, tenantId, {
      customDlpProfiles: [
        { id: 'evil', name: 'Backtracking', patterns: ['(a+)+$'], keywords: [], threshold: 1 },
      ],
    });
    // Exponential for a backtracking engine (V8 would not finish); linear for RE2.
    files.set('aaa', {
      name: 'aaa.txt',
      exposure: 'external',
      access: 'view',
      modifiedAt: '2026-11-04T10:00:00.000Z',
      mimeType: 'text/plain',
      content: `${'a'.repeat(50_000)}!`,
    });
    expect((await scan()).status).toBe('succeeded');
    const row = await findAssetRow(database.db, tenantId, connectionId, 'google-workspace:file:aaa');
    const data = row?.data as { dlp: FileAsset['dlp'] } | undefined;
    expect(data?.dlp?.status).toBe('clean');
  });
});
