/**
 * NDJSON file destination: one event per line (OCSF by default, or Periscope's plain JSON),
 * for collectors that tail files (Filebeat, Splunk UF, Vector, the Fluent family). A batch counts
 * as delivered only once it is on disk: `deliver` appends, fsyncs, and only then resolves.
 *
 * Rotation is size-based: before a line would take the live file past `maxBytes`, `x.ndjson`
 * becomes `x.ndjson.1`, `.1` becomes `.2` …, keeping `maxFiles` files in all (the live one
 * included); the oldest is deleted, so a collector must keep up with `maxFiles × maxBytes`.
 * Files are created 0600 (findings describe security weaknesses). One drain per sink writes the
 * file at a time; several processes appending to one path would rotate over each other.
 */
import { type FileHandle, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import { z } from 'zod';
import type { ExportEvent, ProductInfo } from '../export-event.ts';
import { toOcsf } from '../ocsf/compliance-finding.ts';
import { toPlainJson } from '../render/json.ts';
import { defineSink, SinkError } from '../sink.ts';

const config = z.strictObject({
  /** Absolute path of the live file, e.g. /var/log/periscope/findings.ndjson; its directory must exist. */
  path: z
    .string()
    .min(1, 'path is required')
    .refine(isAbsolute, { message: 'path must be absolute, e.g. /var/log/periscope/findings.ndjson' }),
  /** `ocsf` (default): OCSF Compliance Finding objects; `json`: Periscope's plain JSON shape. */
  format: z.enum(['ocsf', 'json']).default('ocsf'),
  /** Size at which the live file rotates, default 100 MiB. */
  maxBytes: z.coerce
    .number()
    .int()
    .min(1)
    .default(100 * 1024 * 1024),
  /** Files kept, the live one included, default 10. */
  maxFiles: z.coerce.number().int().min(1).max(1000).default(10),
});

export type FileSinkConfig = z.infer<typeof config>;

function asSinkError(error: unknown, path: string): SinkError {
  if (error instanceof SinkError) return error;
  const { code = '' } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new SinkError(
      'permanent',
      'directory_missing',
      `directory ${dirname(path)} does not exist; create it (export does not create directories)`,
      { cause: error },
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new SinkError('permanent', 'permission_denied', `cannot write ${path} (${code})`, {
      cause: error,
    });
  }
  if (code === 'EISDIR') {
    return new SinkError('permanent', 'path_is_directory', `${path} is a directory, not a file`, {
      cause: error,
    });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new SinkError('retryable', 'disk_full', `no space left to write ${path} (${code})`, {
      cause: error,
    });
  }
  return new SinkError(
    'retryable',
    'io_error',
    `writing ${path} failed (${code || (error as Error).message})`,
    {
      cause: error,
    },
  );
}

/** Renames and unlinks are durable only once the directory itself is synced. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Shifts `path` → `path.1` → … → `path.<maxFiles-1>`, dropping the oldest. */
async function rotate(path: string, maxFiles: number): Promise<void> {
  await rm(`${path}.${maxFiles - 1}`, { force: true });
  for (let n = maxFiles - 2; n >= 1; n--) {
    await rename(`${path}.${n}`, `${path}.${n + 1}`).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  if (maxFiles === 1) await rm(path, { force: true });
  else await rename(path, `${path}.1`);
}

export default defineSink({
  type: 'file',
  title: 'NDJSON file (OCSF or plain JSON), one event per line, size-based rotation',
  config,
  secrets: z.strictObject({}),
  maxBatch: 5000,
  destinations: () => [],
  files: (c) => [c.path],
  open({ config: settings, product, guard }) {
    const { path, maxBytes, maxFiles } = settings;
    guard.checkFile(path);
    const render = (event: ExportEvent, info: ProductInfo) =>
      settings.format === 'ocsf' ? toOcsf(event, info) : toPlainJson(event, info);
    let closed = false;
    let tail: Promise<unknown> = Promise.resolve();

    async function openLive(): Promise<{ handle: FileHandle; size: number; created: boolean }> {
      const created = await stat(path).then(
        () => false,
        () => true,
      );
      // 'a' = O_APPEND: every write lands at the end, also after another client appended.
      const handle = await open(path, 'a', 0o600);
      return { handle, size: (await handle.stat()).size, created };
    }

    async function append(lines: Buffer[], signal: AbortSignal): Promise<void> {
      let live = await openLive();
      let directoryChanged = live.created;
      try {
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        const flush = async () => {
          if (pendingBytes === 0) return;
          if (signal.aborted) throw new SinkError('retryable', 'aborted', `writing ${path} was aborted`);
          await live.handle.appendFile(Buffer.concat(pending, pendingBytes));
          await live.handle.sync(); // acknowledged = on disk
          live.size += pendingBytes;
          pending = [];
          pendingBytes = 0;
        };
        for (const line of lines) {
          const used = live.size + pendingBytes;
          // A line bigger than maxBytes still gets written: alone, in its own file.
          if (used > 0 && used + line.length > maxBytes) {
            await flush();
            await live.handle.close();
            await rotate(path, maxFiles);
            live = await openLive();
            directoryChanged = true;
          }
          pending.push(line);
          pendingBytes += line.length;
        }
        await flush();
      } finally {
        await live.handle.close();
      }
      if (directoryChanged) await syncDirectory(dirname(path));
    }

    return {
      async deliver(events, signal) {
        if (closed) throw new SinkError('retryable', 'closed', `the client for ${path} was closed`);
        if (signal.aborted) throw new SinkError('retryable', 'aborted', `writing ${path} was aborted`);
        const lines = events.map((event) =>
          Buffer.from(`${JSON.stringify(render(event, product))}\n`, 'utf8'),
        );
        // Batches of one client never interleave, so rotation sees a consistent size.
        const result = tail.then(() => append(lines, signal));
        tail = result.catch(() => {});
        await result.catch((error) => {
          throw asSinkError(error, path);
        });
        return undefined;
      },
      async close() {
        closed = true;
        await tail;
      },
    };
  },
});
