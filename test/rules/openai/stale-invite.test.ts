import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/stale-invite.ts';
import { check, daysAgo, setting } from '../support.ts';

const invite = (status: string, createdAt: string) =>
  setting(
    'openai.invite',
    { email: 'late@acme.test', role: 'reader', status, createdAt },
    { provider: 'openai' },
  );

describe(rule.id, () => {
  it('flags an invite pending for more than 7 days', () => {
    expect(check(rule, invite('pending', daysAgo(30)))?.evidence).toMatchObject({
      pendingDays: 30,
      staleInviteDays: 7,
    });
  });

  it.each([
    ['a recent pending invite', invite('pending', daysAgo(2))],
    ['an old accepted invite', invite('accepted', daysAgo(30))],
    ['an old expired invite', invite('expired', daysAgo(30))],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('honours the staleInviteDays option', () => {
    expect(check(rule, invite('pending', daysAgo(10)), { options: { staleInviteDays: 14 } })).toBeNull();
  });
});
