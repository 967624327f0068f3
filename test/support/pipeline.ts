/**
 * What every connector harness shares: the real scan pipeline's dependencies with logs captured,
 * an optional in-process DLP queue, and scan/findings helpers for one connection.
 */
import { Writable } from 'node:stream';
import { loadConnectors } from '../../connectors/index.ts';
import { listFindings } from '../../db/finding-queries.ts';
import { createOrGetActiveScan, getScanById, type Scan } from '../../db/scans.ts';
import { rules } from '../../rules/index.ts';
import { createLogger } from '../../runtime/logger.ts';
import { SecretBox } from '../../runtime/secrets.ts';
import { InProcessDlpQueue } from '../../scanner/dlp-queue/in-process.ts';
import { type RunScanOptions, runScan, type ScanDeps, type ScanOutcome } from '../../scanner/scan.ts';
import type { TestDatabase } from './db.ts';
import { testKey } from './github-harness.ts';

export interface Pipeline {
  deps: ScanDeps;
  box: SecretBox;
  /** Everything the pipeline logged, at debug level. */
  logs: string[];
  dlp: InProcessDlpQueue | null;
}

export async function startPipeline(
  database: TestDatabase,
  options: { dlp?: boolean } = {},
): Promise<Pipeline> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const box = new SecretBox(testKey);
  const deps: ScanDeps = {
    db: database.db,
    box,
    logger: createLogger({ level: 'debug', destination: sink }),
    connectors: await loadConnectors(),
    rules,
  };
  const dlp = options.dlp ? new InProcessDlpQueue(deps, { ratePerSecond: () => 1000 }) : null;
  if (dlp) deps.dlpQueue = dlp;
  return { deps, box, logs, dlp };
}

export function connectionScans(pipeline: Pipeline, tenantId: string, connectionId: string) {
  const { db } = pipeline.deps;
  return {
    /** One scan through runScan, then waits for its content inspections. */
    async scan(runOptions?: RunScanOptions): Promise<{ outcome: ScanOutcome; scan: Scan }> {
      const { scan } = await createOrGetActiveScan(db, tenantId, connectionId);
      const outcome = await runScan(pipeline.deps, scan.id, runOptions);
      if (pipeline.dlp) await pipeline.dlp.idle();
      return { outcome, scan: (await getScanById(db, scan.id))! };
    },
    /** `ruleId assetKey` of findings with this status, sorted. */
    async findingKeys(status: 'open' | 'resolved' | 'muted' | 'all' = 'open'): Promise<string[]> {
      const rows = await listFindings(db, tenantId, { status });
      return rows.map((f) => `${f.ruleId} ${f.assetKey}`).sort();
    },
  };
}
