/**
 * Throttling (429 rate_limit_error with retry-after) and overload (529) are ridden out; a body
 * that is not JSON fails only its stream; a wrong admin key fails the scan as auth_failed
 * without the key anywhere in what is stored or logged.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicClient } from '../../../connectors/anthropic/client.ts';
import { invitesStream } from '../../../connectors/anthropic/streams/invites.ts';
import { HttpCallCounter } from '../../../scanner/http-counter.ts';
import { type AnthropicHarness, startAnthropicHarness } from '../../support/anthropic-harness.ts';

describe('anthropic connector resilience', () => {
  let h: AnthropicHarness | undefined;
  afterEach(() => h?.close());

  it('rides out 429 rate_limit_error and 529 overloaded_error', async () => {
    h = await startAnthropicHarness({ config: { pageSize: '10' } });
    h.sim.setThrottle({ every: 4, retryAfterSeconds: 0.01 });
    h.sim.faults.add({ path: '/v1/organizations/api_keys', kind: 'server-error', status: 529, times: 2 });
    h.sim.faults.add({
      path: '/v1/organizations/cost_report',
      kind: 'rate-limit',
      retryAfter: 0.01,
      times: 1,
    });
    const { outcome } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    const statuses = h.sim.requests.byStatus();
    expect(statuses['429']).toBeGreaterThan(1);
    expect(statuses['529']).toBe(2);
    expect(await h.findingKeys()).toEqual(h.expectedKeys());
  });

  it('a malformed body fails only that stream', async () => {
    h = await startAnthropicHarness();
    h.sim.faults.add({ path: '/v1/organizations/invites', kind: 'malformed' });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('partial');
    expect(scan.streams.invites).toMatchObject({ status: 'failed', error: { code: 'malformed_response' } });
    for (const [name, run] of Object.entries(scan.streams))
      if (name !== 'invites') expect(run.status, name).toBe('completed');
    expect(scan.rules['anthropic/stale-invite']?.status).toBe('not_evaluated');
    expect(scan.rules['anthropic/key-unused']?.status).toBe('evaluated');
    const found = await h.findingKeys();
    expect(found).toEqual(h.expectedKeys().filter((k) => !k.includes(':setting:invite:')));
  });

  it('a page with has_more but no last_id is malformed, not the end of the list', async () => {
    // The SDK alone would stop there silently and the next pages' invites would go missing.
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: [{ id: 'invite_1', email: 'a@b.example', role: 'user', status: 'pending' }],
          has_more: true,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = new AnthropicClient(
        { id: 'c1', tenantId: 't1', provider: 'anthropic', baseUrl: `http://127.0.0.1:${port}`, config: {} },
        { adminKey: 'sk-ant-admin01-test' },
        {
          logger: pino({ level: 'silent' }),
          http: new HttpCallCounter(),
          signal: new AbortController().signal,
        },
      );
      const drain = async () => {
        for await (const _ of invitesStream.collect({ client } as never)) {
          // read every page
        }
      };
      await expect(drain()).rejects.toMatchObject({ code: 'malformed_response' });
    } finally {
      server.close();
    }
  });

  it('a wrong admin key: auth_failed, and the key is nowhere', async () => {
    const wrongKey = 'sk-ant-admin01-WrongWrongWrongWrongWrongWrong-0123AA';
    h = await startAnthropicHarness({ credentials: () => ({ adminKey: wrongKey }) });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('failed');
    expect(outcome.fatal).toBe(true);
    expect(scan.error).toMatchObject({ code: 'auth_failed' });
    expect(scan.error?.message).toMatch(/admin key was rejected/);
    const stored = JSON.stringify(scan);
    expect(stored).not.toContain(wrongKey);
    expect(h.logs.join('\n')).not.toContain(wrongKey);
    expect(h.logs.join('\n')).not.toContain('WrongWrongWrong');
  });
});
