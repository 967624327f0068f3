/**
 * The periodic export pass: every active sink with events waiting and no pending backoff is
 * drained. The in-process loop (embedded worker, demo) calls it on a timer; with Redis the
 * `export` queue's job scheduler runs it and fans out one drain job per sink (siem/export-queue.ts).
 */
import type { Logger } from 'pino';
import { listDueSinks } from '../db/export-sinks.ts';
import { type DrainOptions, type DrainResult, drainSink } from './drain.ts';
import type { ExportDeps } from './export-deps.ts';

export async function drainDueSinks(deps: ExportDeps, options: DrainOptions = {}): Promise<DrainResult[]> {
  const due = await listDueSinks(deps.db, new Date());
  const results: DrainResult[] = [];
  for (const sink of due) results.push(await drainSink(deps, sink.id, options));
  return results;
}

/** Drains due sinks every `intervalMs` until stopped; a pass never overlaps the previous one. */
export function startExportLoop(
  deps: ExportDeps,
  options: { intervalMs: number; logger: Logger },
): () => Promise<void> {
  const abort = new AbortController();
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const pass = () => {
    running = drainDueSinks(deps, { signal: abort.signal, maxEvents: 100_000 })
      .then(() => undefined)
      .catch((error: unknown) => options.logger.warn({ err: (error as Error).message }, 'export pass failed'))
      .finally(() => {
        if (!abort.signal.aborted) timer = setTimeout(pass, options.intervalMs);
      });
  };
  timer = setTimeout(pass, 0);
  return async () => {
    abort.abort();
    clearTimeout(timer);
    await running;
  };
}
