/**
 * One scan: one connection at one moment. Streams are read batch by batch; each batch is stored
 * (one upsert), evaluated and reconciled before the next, and its checkpoint saved, so memory
 * stays flat and a scan killed at any point resumes where it stopped. Findings are resolved
 * only where this scan covered their asset (see db/findings.ts).
 */
import type { Logger } from 'pino';
import type { ConnectorRegistry } from '../connectors/index.ts';
import { carryOverDlp } from '../db/asset-dlp.ts';
import { markAssetsRemoved, markRemovedAssets, type RemovedAsset, upsertAssets } from '../db/assets.ts';
import type { Database } from '../db/client.ts';
import { getConnection, loadStreamState } from '../db/connections.ts';
import {
  applyObservations,
  expireMutes,
  keepFindings,
  resolveUnobservedFindings,
  type ScanScope,
} from '../db/findings.ts';
import { analyzeScanTables, crossesAnalyzeThreshold } from '../db/maintenance.ts';
import { getScanById, type Scan, type ScanStatus, updateScan } from '../db/scans.ts';
import type { RuleRun, StreamRun } from '../db/schema.ts';
import { getTenantById } from '../db/tenants.ts';
import type { Rule } from '../rules/define-rule.ts';
import type { SecretBox } from '../runtime/secrets.ts';
import type { Checkpoint, Connector, ConnectorContext, Stream } from './connector.ts';
import { openConnectorSession } from './connector-session.ts';
import { needsInspection } from './dlp-queue/needs-inspection.ts';
import type { DlpQueue } from './dlp-queue/types.ts';
import { type AssetEnricher, createAssetEnricher } from './enrich.ts';
import { errorMessage, isPeriscopeError, PeriscopeError, StreamUnavailableError } from './errors.ts';
import { forEachConcurrently } from './for-each-concurrently.ts';
import { HttpCallCounter } from './http-counter.ts';
import { type Asset, assetKey, type FileAsset, type Provider, parseAsset } from './model.ts';
import { parsePolicy } from './policy.ts';
import { watchCancelRequest } from './queue/cancel-watch.ts';
import { readAhead } from './read-ahead.ts';
import {
  buildRuleIndex,
  type EvaluationResult,
  evaluateAssets,
  notEvaluatedReason,
  type RuleIndex,
  streamsForRule,
} from './rule-engine.ts';
import { createAggregateQuery } from './tenant-aggregates.ts';

export interface ScanDeps {
  db: Database;
  box: SecretBox;
  logger: Logger;
  connectors: ConnectorRegistry;
  rules: Rule[];
  /** The scan's clock; tests pin it. */
  clock?: () => Date;
  /** Streams read at once (default 2). */
  streamConcurrency?: number;
  /** Where file content inspections go; without it files are stored uninspected. */
  dlpQueue?: DlpQueue;
  /** How often a running scan checks whether it was asked to cancel (ms). @defaultValue 2000 */
  cancelPollMs?: number;
}

export interface ScanOutcome {
  scanId: string;
  status: ScanStatus;
  /** A failed stream might succeed if the scan is tried again (429/5xx/network). */
  retryable: boolean;
  /** The whole scan cannot succeed without a change (bad credentials, bad config). */
  fatal: boolean;
}

export const DEFAULT_STREAM_CONCURRENCY = 2;

/** Assets per database write: connectors page at ~100, the database prefers larger batches. */
const WRITE_BATCH_ASSETS = 1000;

interface RunState {
  scan: Scan;
  streams: Record<string, StreamRun>;
  http: HttpCallCounter;
  counts: Record<string, number>;
  /** AI-catalog and scope-risk enrichment, with caches that live as long as the scan. */
  enrich: AssetEnricher;
  /** Queues content inspections of the files that need one; null when the connector cannot fetch content. */
  inspect: ((files: FileAsset[]) => Promise<void>) | null;
}

export interface RunScanOptions {
  /** Aborting leaves the scan as a killed worker would: running, with its checkpoints saved. */
  signal?: AbortSignal;
  /** When false, a retryable stream failure re-queues the scan instead of finishing it partial. */
  finalAttempt?: boolean;
}

export async function runScan(
  deps: ScanDeps,
  scanId: string,
  options: RunScanOptions = {},
): Promise<ScanOutcome> {
  const scan = await getScanById(deps.db, scanId);
  if (!scan) throw new PeriscopeError('not_found', `no scan ${scanId}`);
  if (scan.status !== 'queued' && scan.status !== 'running') {
    return { scanId, status: scan.status as ScanStatus, retryable: false, fatal: false };
  }
  const now = deps.clock?.() ?? new Date();
  const logger = deps.logger.child({ scanId, connectionId: scan.connectionId });
  const run: RunState = {
    scan,
    streams: { ...scan.streams },
    http: new HttpCallCounter(),
    counts: { ...scan.counts },
    enrich: createAssetEnricher(),
    inspect: null,
  };
  // Asked to cancel while it ran, then re-queued for a retry: it ends here.
  if (scan.cancelRequestedAt) return finishCancelled(deps, run);
  const cancel = watchCancelRequest(deps.db, scanId, deps.cancelPollMs);
  const signal = options.signal ? AbortSignal.any([options.signal, cancel.signal]) : cancel.signal;
  await updateScan(deps.db, scanId, {
    status: 'running',
    attempts: scan.attempts + 1,
    startedAt: scan.startedAt ?? now,
  });

  try {
    const connection = await getConnection(deps.db, scan.tenantId, scan.connectionId);
    const connector = deps.connectors[connection.provider as Provider];
    if (!connector)
      throw new PeriscopeError('config_invalid', `no connector for provider "${connection.provider}"`);
    const tenant = await getTenantById(deps.db, scan.tenantId);
    const policy = parsePolicy(tenant.policy);
    const index = buildRuleIndex(deps.rules, connector.provider, policy, now);
    const dlpQueue = deps.dlpQueue;
    if (dlpQueue && connector.fetchContent) {
      run.inspect = async (files) => {
        const jobs = files
          .filter((file) => needsInspection(file, policy))
          .map((file) => ({
            tenantId: scan.tenantId,
            connectionId: connection.id,
            assetKey: assetKey(file),
            scanId,
          }));
        await dlpQueue.enqueue(jobs, connector.provider);
      };
    }
    const { config, credentials, client } = await openConnectorSession(deps, connector, connection, {
      logger,
      http: run.http,
      signal,
    });
    const scope: ScanScope = { tenantId: scan.tenantId, connectionId: connection.id, scanId, now };
    const errors: EvaluationResult['errors'] = new Map();

    await expireMutes(deps.db, scan.tenantId, now);
    const remaining = connector.streams.filter((stream) => {
      const prior = run.streams[stream.name];
      return prior?.status !== 'completed' && prior?.status !== 'unavailable';
    });
    // A few API surfaces at once: one stream's database writes overlap another's HTTP waits.
    // The connector's client still bounds the requests in flight for the whole connection.
    await forEachConcurrently(
      remaining,
      deps.streamConcurrency ?? DEFAULT_STREAM_CONCURRENCY,
      async (stream) => {
        if (signal.aborted) return;
        const base = {
          connection: config,
          credentials,
          client,
          logger: logger.child({ stream: stream.name }),
          signal,
          http: run.http,
        };
        await runStream(deps, run, scope, index, stream, base, errors);
      },
    );
    if (signal.aborted) throw new PeriscopeError('cancelled', 'scan interrupted');

    const retryLater = Object.values(run.streams).some(
      (s) => s.status === 'failed' && s.error && isRetryableCode(s.error.code),
    );
    if (retryLater && options.finalAttempt === false) {
      await saveProgress(deps, run);
      await updateScan(deps.db, scanId, { status: 'queued' });
      return { scanId, status: 'queued', retryable: true, fatal: false };
    }
    const ruleRuns = await runTenantRulesAndReconcile(deps, run, scope, index, connector, errors);
    return await finish(deps, run, ruleRuns, null);
  } catch (error) {
    if (cancel.signal.aborted) return finishCancelled(deps, run);
    if (isPeriscopeError(error) && error.code === 'cancelled') {
      await saveProgress(deps, run); // as a killed worker would leave it: running, with checkpoints
      throw error;
    }
    const failure = toStreamError(error);
    logger.error({ err: failure }, 'scan failed');
    return finish(deps, run, {}, failure);
  } finally {
    cancel.stop();
  }
}

async function runStream(
  deps: ScanDeps,
  run: RunState,
  scope: ScanScope,
  index: RuleIndex,
  stream: Stream<unknown, unknown>,
  base: Omit<ConnectorContext<unknown, unknown>, 'state'>,
  errors: EvaluationResult['errors'],
): Promise<void> {
  const prior = run.streams[stream.name];
  const entry: StreamRun = {
    status: 'running',
    assets: prior?.assets ?? 0,
    startedAt: prior?.startedAt ?? new Date().toISOString(),
    ...(prior?.checkpoint ? { checkpoint: prior.checkpoint } : {}),
    ...(prior?.mode ? { mode: prior.mode } : {}),
  };
  run.streams[stream.name] = entry;
  const state = await loadStreamState(deps.db, scope.connectionId, stream.name);
  const assetScope = { ...scope, stream: stream.name };
  const removed: RemovedAsset[] = [];
  let pending: Asset[] = [];
  let pendingCheckpoint: Checkpoint | undefined;
  const write = async () => {
    const assets = pending;
    pending = [];
    run.enrich(assets); // before the write, so stored assets and rules see the same fields
    const files = assets.filter((a): a is FileAsset => a.kind === 'file');
    const inspected = files.length > 0 ? await carryOverDlp(deps.db, scope.connectionId, files) : new Set();
    await upsertAssets(deps.db, assetScope, assets, scope.now);
    const result: EvaluationResult = { observations: [], errors, kept: [] };
    evaluateAssets(index, assets, result);
    await applyObservations(deps.db, scope, result.observations);
    // A file never inspected holds no content finding: nothing to keep for it.
    const fileKeys = new Set(files.map(assetKey));
    const kept = (result.kept ?? []).filter((k) => !fileKeys.has(k.assetKey) || inspected.has(k.assetKey));
    await keepFindings(deps.db, scope, kept);
    if (run.inspect && files.length > 0) await run.inspect(files);
    await state.flush();
    if (crossesAnalyzeThreshold(entry.assets, entry.assets + assets.length)) await analyzeScanTables(deps.db);
    entry.assets += assets.length;
    countKinds(run.counts, assets);
    if (pendingCheckpoint) entry.checkpoint = pendingCheckpoint;
    pendingCheckpoint = undefined;
    await saveProgress(deps, run);
  };
  try {
    for await (const batch of readAhead(stream.collect({ ...base, state: state.state }, entry.checkpoint))) {
      for (const input of batch.assets) pending.push(parseAsset(input));
      if (batch.checkpoint) pendingCheckpoint = batch.checkpoint;
      if (batch.delta) entry.mode = 'delta';
      for (const gone of batch.removed ?? [])
        removed.push({ key: assetKey({ provider: base.connection.provider, ...gone }), owner: gone.owner });
      // Interrupted: keep what was read, as far as its checkpoint, then stop.
      if (pending.length >= WRITE_BATCH_ASSETS || base.signal.aborted) await write();
      if (base.signal.aborted) return;
    }
    await write();
    if (base.signal.aborted) return; // it ended early because it was stopped: not a full pass
    await state.flush(); // a stream may save state (ETags) after its last batch
    // A full pass saw everything, so what it missed is gone; a delta pass names its deletions.
    if (entry.mode === 'delta') await markAssetsRemoved(deps.db, assetScope, removed, scope.now);
    else await markRemovedAssets(deps.db, assetScope, scope.now);
    run.streams[stream.name] = {
      status: 'completed',
      mode: entry.mode ?? 'full',
      assets: entry.assets,
      startedAt: entry.startedAt,
      finishedAt: new Date().toISOString(),
    };
  } catch (error) {
    if (!base.signal.aborted) await keepWhatWasRead(write, pending, base.logger);
    await state.flush();
    if (base.signal.aborted) return;
    if (
      error instanceof StreamUnavailableError ||
      (isPeriscopeError(error) && error.code === 'permission_denied')
    ) {
      const reason = error instanceof StreamUnavailableError ? error.reason : 'permission_denied';
      run.streams[stream.name] = {
        ...entry,
        status: 'unavailable',
        reason,
        error: { code: error.code, message: error.message },
      };
      base.logger.warn({ reason }, `stream ${stream.name} unavailable: ${error.message}`);
    } else {
      const failure = toStreamError(error);
      if (failure.code === 'auth_failed' || failure.code === 'config_invalid') throw error; // the whole scan cannot work
      run.streams[stream.name] = { ...entry, status: 'failed', error: failure };
      base.logger.error({ err: failure }, `stream ${stream.name} failed`);
    }
  }
  await saveProgress(deps, run);
}

/**
 * A stream that ends unavailable or failed after yielding assets: store and judge what it read,
 * as an interrupted stream does (nothing is resolved for a stream that did not complete).
 */
async function keepWhatWasRead(write: () => Promise<void>, pending: Asset[], logger: Logger): Promise<void> {
  if (pending.length === 0) return;
  try {
    await write();
  } catch (error) {
    logger.error({ err: toStreamError(error) }, 'could not store the assets read before the stream ended');
  }
}

async function runTenantRulesAndReconcile(
  deps: ScanDeps,
  run: RunState,
  scope: ScanScope,
  index: RuleIndex,
  connector: Connector<unknown, unknown>,
  errors: EvaluationResult['errors'],
): Promise<Record<string, RuleRun>> {
  const ruleRuns: Record<string, RuleRun> = {};
  const blocked = (rule: Rule): string | null => {
    for (const name of streamsForRule(rule, connector.streams)) {
      const s = run.streams[name];
      if (!s) return `stream_missing:${name}`;
      if (s.status === 'unavailable')
        return `${s.reason ?? 'unavailable'} (stream ${name}): ${s.error?.message ?? ''}`.trim();
      if (s.status !== 'completed') return `stream_failed:${name}: ${s.error?.message ?? s.status}`;
    }
    return null;
  };

  const evaluatedTenantRules: string[] = [];
  const aggregates = createAggregateQuery(deps.db, scope);
  for (const rule of index.tenantRules) {
    const reason = blocked(rule);
    if (reason) continue;
    try {
      const ctx = index.contextOf(rule);
      const facts = await rule.query(aggregates, ctx);
      const found = rule.evaluate(facts, ctx);
      await applyObservations(
        deps.db,
        scope,
        found.map((f) => ({
          ruleId: rule.id,
          title: rule.title,
          severity: index.severityOf(rule, f.severity),
          provider: connector.provider,
          asset: { key: `${connector.provider}:${f.asset.kind}:${f.asset.externalId}`, ...f.asset },
          evidence: f.evidence,
        })),
      );
      evaluatedTenantRules.push(rule.id);
    } catch (error) {
      errors.set(rule.id, notEvaluatedReason(error));
    }
  }

  await resolveUnobservedFindings(deps.db, scope, {
    // A delta stream covered only the assets it returned (last_scan_id), not the whole stream.
    completedStreams: Object.entries(run.streams)
      .filter(([, s]) => s.status === 'completed' && s.mode !== 'delta')
      .map(([name]) => name),
    assetRuleIds: index.all.filter((r) => r.type === 'asset').map((r) => r.id),
    evaluatedTenantRuleIds: evaluatedTenantRules,
    erroredRuleIds: [...errors.keys()],
  });

  for (const rule of index.all) {
    const error = errors.get(rule.id);
    const reason = blocked(rule);
    if (error) ruleRuns[rule.id] = { status: 'not_evaluated', reason: error };
    else if (reason) ruleRuns[rule.id] = { status: 'not_evaluated', reason };
    else ruleRuns[rule.id] = { status: 'evaluated' };
  }
  return ruleRuns;
}

async function saveProgress(deps: ScanDeps, run: RunState): Promise<void> {
  const http = run.http.summary();
  await updateScan(deps.db, run.scan.id, {
    streams: run.streams,
    counts: run.counts,
    httpCalls: run.scan.httpCalls + http.total,
    httpStats: mergeHttpStats(run.scan.httpStats, http),
  });
}

async function finish(
  deps: ScanDeps,
  run: RunState,
  rules: Record<string, RuleRun>,
  fatal: { code: string; message: string } | null,
): Promise<ScanOutcome> {
  const streamRuns = Object.values(run.streams);
  const failed = streamRuns.filter((s) => s.status === 'failed');
  const status: ScanStatus = fatal
    ? 'failed'
    : failed.length === 0
      ? 'succeeded'
      : failed.length === streamRuns.length
        ? 'failed'
        : 'partial';
  const http = run.http.summary();
  await updateScan(deps.db, run.scan.id, {
    status,
    streams: run.streams,
    rules,
    counts: run.counts,
    httpCalls: run.scan.httpCalls + http.total,
    httpStats: mergeHttpStats(run.scan.httpStats, http),
    error:
      fatal ??
      (failed.length > 0 ? { code: 'streams_failed', message: `${failed.length} stream(s) failed` } : null),
    finishedAt: new Date(),
  });
  const retryable = !fatal && failed.some((s) => s.error && isRetryableCode(s.error.code));
  return { scanId: run.scan.id, status, retryable, fatal: fatal !== null && !isRetryableCode(fatal.code) };
}

/** Cancelled on request: final, and nothing is resolved (reconciliation never ran). */
async function finishCancelled(deps: ScanDeps, run: RunState): Promise<ScanOutcome> {
  await saveProgress(deps, run);
  await updateScan(deps.db, run.scan.id, {
    status: 'cancelled',
    error: { code: 'cancelled', message: 'cancelled on request while running' },
    finishedAt: new Date(),
  });
  return { scanId: run.scan.id, status: 'cancelled', retryable: false, fatal: false };
}

function mergeHttpStats(previous: Record<string, unknown>, current: ReturnType<HttpCallCounter['summary']>) {
  const prevTotal = Number(previous.total ?? 0);
  const prevNotModified = Number(previous.notModified ?? 0);
  const byStatus: Record<string, number> = { ...((previous.byStatus as Record<string, number>) ?? {}) };
  for (const [status, n] of Object.entries(current.byStatus)) byStatus[status] = (byStatus[status] ?? 0) + n;
  return {
    total: prevTotal + current.total,
    notModified: prevNotModified + current.notModified,
    primaryCost: prevTotal + current.total - prevNotModified - current.notModified,
    byStatus,
  };
}

function countKinds(counts: Record<string, number>, assets: Asset[]): void {
  for (const asset of assets) counts[asset.kind] = (counts[asset.kind] ?? 0) + 1;
}

function toStreamError(error: unknown): { code: string; message: string } {
  if (isPeriscopeError(error)) return { code: error.code, message: error.message };
  return { code: 'internal', message: errorMessage(error) };
}

function isRetryableCode(code: string): boolean {
  return code === 'rate_limited' || code === 'vendor_error' || code === 'network';
}
