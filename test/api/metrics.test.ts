/** /metrics: Prometheus text from the stored scans and findings, for installation tokens only. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../api/app.ts';
import { listFindings } from '../../db/finding-queries.ts';
import { rules } from '../../rules/index.ts';
import { BullScanQueue } from '../../scanner/queue/bullmq.ts';
import { type ApiHarness, startApiHarness } from './harness.ts';

/** The value of one sample line, by metric name and exact label set. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    if (match[2]!.split(',').sort().join(',') === want) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(async () => h?.close());

  it('needs an installation token with findings:read', async () => {
    expect((await h.call(null, { method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const tenantBound = await h.call(h.alpha.token, { method: 'GET', url: '/metrics' });
    expect(tenantBound.statusCode).toBe(403);
    expect(tenantBound.json().error.code).toBe('forbidden');
    const noScope = await h.token({ scopes: ['scans:write'] });
    expect((await h.call(noScope, { method: 'GET', url: '/metrics' })).statusCode).toBe(403);
  });

  it('reports scans, durations, vendor calls and open findings as stored', async () => {
    const response = await h.call(h.adminToken, { method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    const statuses = [h.alpha.scan.status, h.bravo.scan.status];
    for (const status of new Set(statuses))
      expect(sample(text, 'periscope_scans', { status, provider: 'github' })).toBe(
        statuses.filter((s) => s === status).length,
      );
    expect(
      sample(text, 'periscope_scan_duration_seconds_count', {
        provider: 'github',
        status: h.alpha.scan.status,
      }),
    ).toBe(2);
    const calls = sample(text, 'periscope_vendor_http_calls', { provider: 'github', status: '200' });
    expect(calls).toBeGreaterThan(0);
    const open = [
      ...(await listFindings(h.database.db, h.alpha.tenant.id)),
      ...(await listFindings(h.database.db, h.bravo.tenant.id)),
    ];
    const bySeverity = new Map<string, number>();
    for (const f of open) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
    expect(bySeverity.size).toBeGreaterThan(0);
    for (const [severity, n] of bySeverity)
      expect(sample(text, 'periscope_open_findings', { severity, provider: 'github' })).toBe(n);
    expect(text).not.toContain('periscope_queue_jobs'); // in-process queue: no queue depth
    expect(text).not.toContain('psc_'); // no token material
  });

  it('adds the BullMQ queue depth with Redis', async () => {
    const queue = new BullScanQueue(
      { db: h.database.db },
      {
        redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        prefix: `test-metrics-${randomBytes(4).toString('hex')}`,
      },
    );
    const app = await build({ deps: { db: h.database.db, queue, rules, checks: {} }, rateLimit: false });
    try {
      await queue.queue.add('scan', { scanId: 'x' }, { delay: 60_000 });
      const response = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${h.adminToken}` },
      });
      expect(sample(response.body, 'periscope_queue_jobs', { state: 'delayed' })).toBe(1);
      expect(sample(response.body, 'periscope_queue_jobs', { state: 'waiting' })).toBe(0);
    } finally {
      await app.close();
      await queue.queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
