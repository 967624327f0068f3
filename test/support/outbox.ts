/**
 * A tenant with findings whose life cycle fills the outbox, and the export wiring over it, for
 * delivery tests: `open(n)` opens findings through the same reconcile code scans use, `churn()`
 * mutes, unmutes and changes severities like people do, `resolveAll()` closes them.
 */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { createConnection } from '../../db/connections.ts';
import { ruleCatalog } from '../../db/export-events.ts';
import { listFindings } from '../../db/finding-queries.ts';
import { overrideSeverity } from '../../db/finding-severity.ts';
import { applyObservations, muteFinding, type Observation, unmuteFinding } from '../../db/findings.ts';
import { createOrGetActiveScan, updateScan } from '../../db/scans.ts';
import { createTenant } from '../../db/tenants.ts';
import { rules } from '../../rules/index.ts';
import { createLogger } from '../../runtime/logger.ts';
import { SecretBox } from '../../runtime/secrets.ts';
import { createDestinationGuard } from '../../siem/destination-guard.ts';
import type { ExportDeps } from '../../siem/export-deps.ts';
import { periscopeProduct } from '../../siem/product.ts';
import { sinks } from '../../siem/sinks/index.ts';
import type { TestDatabase } from './db.ts';
import { testKey } from './github-harness.ts';

export interface OutboxFixture {
  deps: ExportDeps;
  logs: string[];
  tenantId: string;
  connectionId: string;
  /** Opens findings 0..n-1 (new ones; existing ones are refreshed). */
  open(n: number, from?: number): Promise<void>;
  /** A round of human changes over every open finding: mute even ones, re-rate odd ones. */
  churn(round: number): Promise<void>;
  /** Events in the tenant's outbox, in id order. */
  events(): Promise<Array<{ id: number; findingId: string; type: string }>>;
}

const rule = rules.find((r) => r.id === 'github/org-too-many-owners')!;

function observation(i: number): Observation {
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    provider: 'github',
    asset: {
      key: `github:setting:org-${i}`,
      kind: 'setting',
      externalId: `org-${i}`,
      name: `org ${i} | a=b \\ c`,
      url: null,
    },
    evidence: { owners: 5 + i },
  };
}

export async function createOutboxFixture(database: TestDatabase, slug = 'acme'): Promise<OutboxFixture> {
  const logs: string[] = [];
  const box = new SecretBox(testKey);
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const db = database.db;
  const tenant = await createTenant(db, slug);
  const connection = await createConnection(db, box, {
    tenantId: tenant.id,
    provider: 'github',
    name: 'acme-github',
    config: {},
    credentials: { token: 'ghp_not_used_here' },
  });
  const deps: ExportDeps = {
    db,
    box,
    logger,
    rules: ruleCatalog(rules),
    sinks,
    product: periscopeProduct,
    guard: createDestinationGuard({ allowPrivate: true }),
    backoff: { baseMs: 10, capMs: 50 },
  };
  const scanScope = async () => {
    const { scan } = await createOrGetActiveScan(db, tenant.id, connection.id);
    return {
      scan,
      scope: { tenantId: tenant.id, connectionId: connection.id, scanId: scan.id, now: new Date() },
    };
  };
  const openFindings = async () =>
    (await listFindings(db, tenant.id, { status: 'all' })).filter((f) => f.status !== 'resolved');
  return {
    deps,
    logs,
    tenantId: tenant.id,
    connectionId: connection.id,
    async open(n, from = 0) {
      const { scan, scope } = await scanScope();
      await applyObservations(
        db,
        scope,
        Array.from({ length: n }, (_, i) => observation(from + i)),
      );
      await updateScan(db, scan.id, { status: 'succeeded', finishedAt: new Date() });
    },
    async churn(round) {
      const list = await openFindings();
      for (const [i, f] of list.entries()) {
        if (i % 2 === 0) {
          if (f.status === 'muted') await unmuteFinding(db, tenant.id, f.id, 'tester');
          else await muteFinding(db, tenant.id, f.id, { reason: `round ${round}`, actor: 'tester' });
        } else {
          const severity = round % 2 === 0 ? 'low' : 'critical';
          await overrideSeverity(db, tenant.id, f.id, {
            severity,
            reason: `round ${round}`,
            actor: 'tester',
          });
        }
      }
    },
    async events() {
      const result = await db.execute(
        sql`select id, finding_id, type from finding_events where tenant_id = ${tenant.id} order by id`,
      );
      return (result as { rows: Array<{ id: string | number; finding_id: string; type: string }> }).rows.map(
        (r) => ({
          id: Number(r.id),
          findingId: r.finding_id,
          type: r.type,
        }),
      );
    },
  };
}
