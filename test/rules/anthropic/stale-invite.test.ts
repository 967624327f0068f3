import { describe, expect, it } from 'vitest';
import rule from '../../../rules/anthropic/stale-invite.ts';
import { check, daysAgo } from '../support.ts';
import { anthropicInvite } from './helpers.ts';

describe(rule.id, () => {
  it('flags an invite pending for more than 7 days', () => {
    expect(check(rule, anthropicInvite({ invitedAt: daysAgo(20) }))?.evidence).toMatchObject({
      pendingDays: 20,
      staleInviteDays: 7,
    });
  });

  it.each([
    ['recent', anthropicInvite({ invitedAt: daysAgo(2) })],
    ['accepted long ago', anthropicInvite({ invitedAt: daysAgo(30), status: 'accepted' })],
  ])('does not flag a %s invite', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('honours the staleInviteDays option', () => {
    expect(
      check(rule, anthropicInvite({ invitedAt: daysAgo(3) }), { options: { staleInviteDays: 2 } }),
    ).not.toBeNull();
  });
});
