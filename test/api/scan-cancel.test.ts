/**
 * Cancelling a running scan through the API: the scan's stream stalls (a vendor that never
 * answers), the cancel request marks the row, the runner notices and the scan ends cancelled
 * without resolving anything — even a finding whose fix a completed stream already read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scan as ApiScan } from '../../api/schemas/scan.ts';
import type { AnyConnector } from '../../connectors/index.ts';
import { listFindings } from '../../db/finding-queries.ts';
import { createOrGetActiveScan, getScanById, requestScanCancel, updateScan } from '../../db/scans.ts';
import { rules } from '../../rules/index.ts';
import { InProcessScanQueue } from '../../scanner/queue/in-process.ts';
import { runScan } from '../../scanner/scan.ts';
import { wrapStream } from '../support/wrap-stream.ts';
import { type ApiHarness, startApiHarness } from './harness.ts';

const stalledStream = 'members';
const fixedRule = 'github/org-two-factor-not-required';

describe('POST /v1/tenants/:tenant/scans/:scanId/cancel on a running scan', () => {
  let h: ApiHarness;
  let queue: InProcessScanQueue;
  let call: (method: 'GET' | 'POST', path: string, payload?: object) => ReturnType<ApiHarness['call']>;
  let stalls = 0;
  let stalled: () => void = () => {};

  beforeAll(async () => {
    h = await startApiHarness();
    const deps = h.alpha.harness.deps;
    // The first read of the stream waits until the scan is stopped, then fails as an aborted request does.
    const github = wrapStream(
      deps.connectors.github as AnyConnector,
      stalledStream,
      async function* (inner, ctx) {
        if (stalls++ === 0) {
          stalled();
          await new Promise((_, reject) =>
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true }),
          );
        }
        yield* inner;
      },
    );
    queue = new InProcessScanQueue(
      { ...deps, connectors: { ...deps.connectors, github }, cancelPollMs: 20 },
      { attempts: 1, backoffMs: 1 },
    );
    const app = await h.buildApp({ deps: { db: h.database.db, queue, rules, checks: {} } });
    call = (method, path, payload) =>
      app.inject({
        method,
        url: `/v1/tenants/${h.alpha.tenant.slug}${path}`,
        headers: { authorization: `Bearer ${h.alpha.token}` },
        ...(payload ? { payload } : {}),
      });
  });
  afterAll(async () => {
    await queue?.close();
    await h?.close();
  });

  it('ends the scan cancelled, resolving nothing; the connection can be scanned again', async () => {
    const statusOf = async () =>
      new Map(
        (await listFindings(h.database.db, h.alpha.tenant.id, { status: 'all' })).map((f) => [
          `${f.ruleId} ${f.assetKey}`,
          f.status,
        ]),
      );
    const before = await statusOf();
    const fixed = [...before].find(([key]) => key.startsWith(`${fixedRule} `));
    expect(fixed?.[1]).toBe('open');
    // The admin fixes the org setting: a scan that finished would resolve that finding.
    h.alpha.harness.sim.mutate.updateOrg({ two_factor_requirement_enabled: true });

    const isStalled = new Promise<void>((resolve) => {
      stalled = resolve;
    });
    const started = await call('POST', '/scans', { connectionId: h.alpha.connectionId });
    expect(started.statusCode, started.body).toBe(202);
    const scanId = started.json<{ items: ApiScan[] }>().items[0]!.id;
    await isStalled;
    // Let every other stream finish (org settings included), so only the stalled one is left.
    for (;;) {
      const streams = Object.entries((await getScanById(h.database.db, scanId))!.streams);
      if (streams.filter(([name, s]) => name !== stalledStream && s.status !== 'completed').length === 0)
        break;
      await new Promise((r) => setTimeout(r, 20));
    }

    const cancel = await call('POST', `/scans/${scanId}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(202);
    expect(cancel.json<ApiScan>().status).toBe('running');
    expect((await queue.waitFor(scanId)).status).toBe('cancelled');

    const detail = await call('GET', `/scans/${scanId}`);
    expect(detail.json<ApiScan>()).toMatchObject({
      status: 'cancelled',
      error: { code: 'cancelled' },
      finishedAt: expect.any(String),
    });
    expect(detail.json<ApiScan>().streams[stalledStream]?.status).not.toBe('completed');
    expect(await statusOf()).toEqual(before);
    // Asking again is harmless; the scan stays cancelled.
    const again = await call('POST', `/scans/${scanId}/cancel`);
    expect(again.statusCode).toBe(200);
    expect(again.json<ApiScan>().status).toBe('cancelled');

    // The connection is free: the next scan runs to the end and resolves the fixed finding.
    const next = await call('POST', '/scans', { connectionId: h.alpha.connectionId });
    const nextId = next.json<{ items: ApiScan[] }>().items[0]!.id;
    expect(nextId).not.toBe(scanId);
    expect((await queue.waitFor(nextId)).status).toBe('succeeded');
    expect((await statusOf()).get(fixed![0])).toBe('resolved');
  });

  it('ends a scan that was asked to cancel while it ran, then re-queued for a retry, without running it', async () => {
    const { scan } = await createOrGetActiveScan(h.database.db, h.alpha.tenant.id, h.alpha.connectionId);
    await updateScan(h.database.db, scan.id, { status: 'running' });
    expect(await requestScanCancel(h.database.db, h.alpha.tenant.id, scan.id)).toBeDefined();
    await updateScan(h.database.db, scan.id, { status: 'queued' });
    const outcome = await runScan(h.alpha.harness.deps, scan.id);
    expect(outcome).toMatchObject({ status: 'cancelled', retryable: false });
    expect((await getScanById(h.database.db, scan.id))?.httpCalls).toBe(0);
  });

  it('refuses to cancel a finished scan, and another tenant’s scan', async () => {
    const finished = await call('POST', `/scans/${h.alpha.scan.id}/cancel`);
    expect(finished.statusCode).toBe(409);
    expect(finished.json<{ error: { message: string } }>().error.message).toContain('already finished');
    const foreign = await call('POST', `/scans/${h.bravo.scan.id}/cancel`);
    expect(foreign.statusCode).toBe(404);
  });
});
