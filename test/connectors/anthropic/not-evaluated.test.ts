/**
 * What the connection cannot read takes out exactly the rules that need it, with the reason —
 * never a pass and never a fail: a usage report the key may not read (403 permission_error), a
 * usage window shorter than staleDays, and a standard (non-admin) key.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicClient } from '../../../connectors/anthropic/client.ts';
import { AnthropicCredentials } from '../../../connectors/anthropic/credentials.ts';
import { usersStream } from '../../../connectors/anthropic/streams/users.ts';
import { rules } from '../../../rules/index.ts';
import { startAnthropicSimulator } from '../../../sandbox/index.ts';
import { HttpCallCounter } from '../../../scanner/http-counter.ts';
import { type AnthropicHarness, startAnthropicHarness } from '../../support/anthropic-harness.ts';

const anthropicRules = rules.filter((r) => r.provider === 'anthropic').map((r) => r.id);

describe('anthropic rules not evaluated for what the connection cannot read', () => {
  let h: AnthropicHarness | undefined;
  afterEach(() => h?.close());

  it('usage report refused (403): key-unused and tool use not evaluated, the other rules still judged', async () => {
    h = await startAnthropicHarness();
    h.sim.faults.add({ path: '/v1/organizations/usage_report/messages', kind: 'server-error', status: 403 });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams['usage-report']).toMatchObject({
      status: 'unavailable',
      reason: 'permission_denied',
    });
    expect(scan.streams['api-keys']?.status).toBe('completed');
    const blocked = ['anthropic/key-unused', 'anthropic/workspace-unapproved-tool-use'];
    for (const id of blocked) {
      expect(scan.rules[id]?.status, id).toBe('not_evaluated');
      expect(scan.rules[id]?.reason, id).toMatch(/permission_denied.*Admin API key/);
    }
    for (const id of anthropicRules.filter((r) => !blocked.includes(r))) {
      expect(scan.rules[id]?.status, id).toBe('evaluated');
    }
    const found = await h.findingKeys();
    expect(found.filter((k) => blocked.some((id) => k.startsWith(`${id} `)))).toEqual([]);
    expect(found).toEqual(h.expectedKeys().filter((k) => !blocked.some((id) => k.startsWith(`${id} `))));
  });

  it('a usage window shorter than staleDays: key-unused not evaluated, naming the setting', async () => {
    h = await startAnthropicHarness({ config: { usageLookbackDays: '30' } });
    const { scan } = await h.scan();
    expect(scan.rules['anthropic/key-unused']?.status).toBe('not_evaluated');
    expect(scan.rules['anthropic/key-unused']?.reason).toMatch(
      /^usage is read 30 days back, less than staleDays \(90\).*usageLookbackDays/,
    );
    expect((await h.findingKeys()).some((k) => k.startsWith('anthropic/key-unused '))).toBe(false);
    expect(scan.rules['anthropic/key-not-rotated']?.status).toBe('evaluated');
  });

  it('keeps key-unused findings when the report later becomes unreadable', async () => {
    h = await startAnthropicHarness();
    await h.scan();
    const before = (await h.findingKeys()).filter((k) => k.startsWith('anthropic/key-unused '));
    expect(before.length).toBe(2);
    h.sim.faults.add({ path: '/v1/organizations/usage_report/messages', kind: 'server-error', status: 403 });
    await h.scan();
    expect((await h.findingKeys()).filter((k) => k.startsWith('anthropic/key-unused '))).toEqual(before);
    expect((await h.findingKeys('resolved')).filter((k) => k.startsWith('anthropic/key-unused '))).toEqual(
      [],
    );
  });

  it('a standard API key is refused at connection time, and the API answers 403 to it', async () => {
    const sim = await startAnthropicSimulator();
    try {
      const parsed = AnthropicCredentials.safeParse({ adminKey: sim.standardKey });
      expect(parsed.success).toBe(false);
      const message = parsed.error?.issues.map((i) => i.message).join('; ') ?? '';
      expect(message).toMatch(/sk-ant-admin/);
      expect(message).not.toContain(sim.standardKey);

      const client = new AnthropicClient(
        { id: 'c1', tenantId: 't1', provider: 'anthropic', baseUrl: sim.baseUrl, config: {} },
        { adminKey: sim.standardKey },
        {
          logger: pino({ level: 'silent' }),
          http: new HttpCallCounter(),
          signal: new AbortController().signal,
        },
      );
      const ctx = { client, logger: client.logger, signal: new AbortController().signal } as never;
      const run = async () => {
        for await (const _ of usersStream.collect(ctx)) {
          // drain
        }
      };
      await expect(run()).rejects.toMatchObject({ code: 'permission_denied' });
      await expect(run()).rejects.not.toThrow(sim.standardKey);
    } finally {
      await sim.close();
    }
  });
});
