import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDestinationGuard } from '../../../siem/destination-guard.ts';
import { toOcsf } from '../../../siem/ocsf/compliance-finding.ts';
import type { SinkClient } from '../../../siem/sink.ts';
import fileSink from '../../../siem/sinks/file.ts';
import { exportEvents, testProduct } from '../../support/export-events.ts';

let dir: string;
let caseNo = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'periscope-file-sink-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A fresh directory per test, so rotation and listings never see another test's files. */
async function caseDir(): Promise<string> {
  const path = join(dir, `case-${++caseNo}`);
  await mkdir(path);
  return path;
}

function openFile(config: Record<string, string>): SinkClient {
  return fileSink.open({
    config: fileSink.config.parse(config),
    secrets: fileSink.secrets.parse({}),
    sinkId: 'sink-1',
    tenant: { id: '11111111-2222-4333-8444-555555555555', slug: 'acme' },
    product: testProduct,
    guard: createDestinationGuard({ allowPrivate: false }),
    logger: pino({ level: 'silent' }),
  });
}

const signal = () => new AbortController().signal;

async function lines(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('file sink', () => {
  it('appends one OCSF object per line, in order, to a file only its owner can read', async () => {
    const path = join(await caseDir(), 'findings.ndjson');
    const client = openFile({ path });
    const events = exportEvents(5);
    await expect(client.deliver(events, signal())).resolves.toBeUndefined();
    await client.close();

    const written = await lines(path);
    expect(written.map((line) => (line.metadata as { uid: string }).uid)).toEqual(events.map((e) => e.uid));
    expect(written.every((line) => line.class_uid === 2003)).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('writes Periscope plain JSON with format=json', async () => {
    const path = join(await caseDir(), 'findings.ndjson');
    const client = openFile({ path, format: 'json' });
    const events = exportEvents(2);
    await client.deliver(events, signal());
    const written = await lines(path);
    expect(written.map((line) => [line.eventId, line.uid])).toEqual(events.map((e) => [e.eventId, e.uid]));
  });

  it('keeps appending to the same file across client instances', async () => {
    const path = join(await caseDir(), 'findings.ndjson');
    const events = exportEvents(4);
    const first = openFile({ path });
    await first.deliver(events.slice(0, 2), signal());
    await first.close();
    const second = openFile({ path });
    await second.deliver(events.slice(2), signal());
    await second.close();
    const written = await lines(path);
    expect(written.map((line) => (line.metadata as { uid: string }).uid)).toEqual(events.map((e) => e.uid));
  });

  it('rotates before a file would pass maxBytes and keeps at most maxFiles, newest events last', async () => {
    const folder = await caseDir();
    const path = join(folder, 'findings.ndjson');
    const events = exportEvents(40);
    const lineBytes = events.map((e) => Buffer.byteLength(`${JSON.stringify(toOcsf(e, testProduct))}\n`));
    const maxBytes = Math.max(...lineBytes) * 3 + 10; // at least three lines fit in a file
    const client = openFile({ path, maxBytes: String(maxBytes), maxFiles: '3' });
    for (let i = 0; i < events.length; i += 7) await client.deliver(events.slice(i, i + 7), signal());

    const names = ['findings.ndjson.2', 'findings.ndjson.1', 'findings.ndjson']; // oldest first
    expect((await readdir(folder)).sort()).toEqual([...names].sort());
    const files = await Promise.all(
      names.map(async (name) => ({
        stat: await stat(join(folder, name)),
        raw: await readFile(join(folder, name), 'utf8'),
        uids: (await lines(join(folder, name))).map((line) => (line.metadata as { uid: string }).uid),
      })),
    );
    for (const [i, file] of files.entries()) {
      expect(file.stat.size).toBeLessThanOrEqual(maxBytes);
      expect(file.stat.mode & 0o777).toBe(0o600);
      const next = files[i + 1];
      // A file was rotated only because the next line would have taken it past maxBytes.
      if (next)
        expect(file.stat.size + Buffer.byteLength(`${next.raw.split('\n')[0]}\n`)).toBeGreaterThan(maxBytes);
    }
    // What survives is an unbroken tail of the sequence: rotation lost nothing in between.
    const kept = files.flatMap((file) => file.uids);
    expect(kept.length).toBeGreaterThanOrEqual(7);
    expect(kept).toEqual(events.slice(-kept.length).map((e) => e.uid));
  });

  it('writes a line bigger than maxBytes on its own into a fresh file', async () => {
    const folder = await caseDir();
    const path = join(folder, 'findings.ndjson');
    const client = openFile({ path, maxBytes: '100', maxFiles: '5' });
    await client.deliver(exportEvents(2), signal());
    expect((await readdir(folder)).sort()).toEqual(['findings.ndjson', 'findings.ndjson.1']);
    expect(await lines(path)).toHaveLength(1);
    expect(await lines(`${path}.1`)).toHaveLength(1);
  });

  it('refuses a relative path when configured', () => {
    const result = fileSink.config.safeParse({ path: 'exports/findings.ndjson' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('path must be absolute');
  });

  it('fails permanently, naming the directory, when the parent directory does not exist', async () => {
    const missing = join(dir, 'no-such-directory');
    const client = openFile({ path: join(missing, 'findings.ndjson') });
    const error = await client.deliver(exportEvents(1), signal()).catch((e) => e);
    expect(error).toMatchObject({ name: 'SinkError', kind: 'permanent', code: 'directory_missing' });
    expect(error.message).toContain(missing);
  });

  it('treats an aborted delivery as retryable and writes nothing', async () => {
    const path = join(await caseDir(), 'findings.ndjson');
    const controller = new AbortController();
    controller.abort();
    await expect(openFile({ path }).deliver(exportEvents(1), controller.signal)).rejects.toMatchObject({
      kind: 'retryable',
      code: 'aborted',
    });
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('has defaults of OCSF, 100 MiB and 10 files, and no network destinations', () => {
    const config = fileSink.config.parse({ path: '/var/log/periscope/findings.ndjson' });
    expect(config).toMatchObject({ format: 'ocsf', maxBytes: 100 * 1024 * 1024, maxFiles: 10 });
    expect(fileSink.destinations(config)).toEqual([]);
  });
});
