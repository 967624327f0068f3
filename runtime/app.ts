/**
 * The composition root: env → database, secrets, logger, connectors, rules and the queue. The CLI,
 * the worker and the API all start here, so embedded (PGlite + in-process) and server
 * (PostgreSQL + BullMQ) modes differ only in what the env says.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import { type ConnectorRegistry, loadConnectors } from '../connectors/index.ts';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { ruleCatalog } from '../db/export-events.ts';
import type { Rule } from '../rules/define-rule.ts';
import { rules as catalog } from '../rules/index.ts';
import { BullDlpQueue } from '../scanner/dlp-queue/bullmq.ts';
import { InProcessDlpQueue } from '../scanner/dlp-queue/in-process.ts';
import type { DlpQueue } from '../scanner/dlp-queue/types.ts';
import { BullScanQueue } from '../scanner/queue/bullmq.ts';
import { InProcessScanQueue } from '../scanner/queue/in-process.ts';
import type { RetryPolicy, ScanQueue } from '../scanner/queue/types.ts';
import type { ScanDeps } from '../scanner/scan.ts';
import { createDestinationGuard } from '../siem/destination-guard.ts';
import type { ExportDeps } from '../siem/export-deps.ts';
import { periscopeProduct } from '../siem/product.ts';
import { sinks } from '../siem/sinks/index.ts';
import { type Env, parseEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { loadSecretBox, type SecretBox } from './secrets.ts';

export interface App {
  env: Env;
  database: DatabaseHandle;
  box: SecretBox;
  logger: Logger;
  connectors: ConnectorRegistry;
  rules: Rule[];
  queue: ScanQueue;
  /** Content inspections; in embedded mode they run in this process after the scan stores files. */
  dlpQueue: DlpQueue;
  scanDeps: ScanDeps;
  /** SIEM export: sinks, the outbox reader and the destination guard. */
  exportDeps: ExportDeps;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  env?: Env;
  logger?: Logger;
  retry?: RetryPolicy;
  /** Force the in-process queue even when REDIS_URL is set (e.g. `scan` in a one-off container). */
  inProcess?: boolean;
}

export async function openApp(options: OpenAppOptions = {}): Promise<App> {
  const env = options.env ?? parseEnv();
  const logger = options.logger ?? createLogger({ level: env.PERISCOPE_LOG_LEVEL });
  const embedded = !env.DATABASE_URL;
  const box = loadSecretBox({
    envKey: env.PERISCOPE_ENCRYPTION_KEY,
    dataDir: embedded ? env.dataDir : undefined,
    logger,
  });
  const database = await openDatabase(
    embedded ? { dataDir: join(env.dataDir, 'db') } : { url: env.DATABASE_URL },
  );
  const connectors = await loadConnectors();
  const retry = options.retry ?? {
    attempts: env.PERISCOPE_SCAN_ATTEMPTS,
    backoffMs: env.PERISCOPE_RETRY_BACKOFF_MS,
  };
  const scanDeps: ScanDeps = { db: database.db, box, logger, connectors, rules: catalog };
  const useRedis = Boolean(env.REDIS_URL) && !options.inProcess;
  const queue: ScanQueue = useRedis
    ? new BullScanQueue(scanDeps, { redisUrl: env.REDIS_URL!, prefix: env.PERISCOPE_QUEUE_PREFIX, retry })
    : new InProcessScanQueue(scanDeps, retry);
  const dlpQueue: DlpQueue = useRedis
    ? new BullDlpQueue({ redisUrl: env.REDIS_URL!, prefix: env.PERISCOPE_QUEUE_PREFIX })
    : new InProcessDlpQueue(scanDeps, { ratePerSecond: (provider) => contentRate(connectors, provider) });
  scanDeps.dlpQueue = dlpQueue;
  const exportDeps: ExportDeps = {
    db: database.db,
    box,
    logger,
    rules: ruleCatalog(catalog),
    sinks,
    product: periscopeProduct,
    guard: createDestinationGuard({
      allowPrivate: env.PERISCOPE_ALLOW_PRIVATE_SINKS === '1',
      fileRoot: env.PERISCOPE_EXPORT_DIR ?? join(env.dataDir, 'exports'),
    }),
  };
  let closing: Promise<void> | undefined;
  return {
    env,
    database,
    box,
    logger,
    connectors,
    rules: catalog,
    queue,
    dlpQueue,
    scanDeps,
    exportDeps,
    close() {
      closing ??= (async () => {
        await queue.close();
        await dlpQueue.close();
        await database.close();
      })();
      return closing;
    },
  };
}

/** Content downloads per second for a provider: its connector's vendor fact, else 5. */
export function contentRate(connectors: ConnectorRegistry, provider: string): number {
  return connectors[provider as keyof ConnectorRegistry]?.contentRatePerSecond ?? 5;
}
