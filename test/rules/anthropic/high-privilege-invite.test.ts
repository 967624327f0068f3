import { describe, expect, it } from 'vitest';
import rule from '../../../rules/anthropic/high-privilege-invite.ts';
import { check } from '../support.ts';
import { anthropicInvite } from './helpers.ts';

describe(rule.id, () => {
  it.each(['admin', 'owner', 'primary_owner', 'membership_admin'])('flags a pending %s invite', (role) => {
    expect(check(rule, anthropicInvite({ role }))?.evidence).toMatchObject({
      role,
      email: 'new@acme.example',
    });
  });

  it.each([
    ['pending developer', anthropicInvite({ role: 'developer' })],
    ['accepted admin', anthropicInvite({ role: 'admin', status: 'accepted' })],
    ['expired owner', anthropicInvite({ role: 'owner', status: 'expired' })],
  ])('does not flag a %s invite', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
