import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/high-privilege-invite.ts';
import { check, daysAgo, setting } from '../support.ts';

const invite = (values: Record<string, unknown>) =>
  setting(
    'openai.invite',
    {
      email: 'new@acme.test',
      role: 'reader',
      status: 'pending',
      createdAt: daysAgo(1),
      projects: [],
      ...values,
    },
    { provider: 'openai', externalId: 'invite-1' },
  );

describe(rule.id, () => {
  it('flags a pending owner invite', () => {
    expect(check(rule, invite({ role: 'owner' }))?.evidence).toMatchObject({
      email: 'new@acme.test',
      role: 'owner',
      ownedProjects: [],
    });
  });

  it('flags a pending invite to own a project', () => {
    expect(check(rule, invite({ projects: [{ id: 'proj_1', role: 'owner' }] }))?.evidence).toMatchObject({
      ownedProjects: ['proj_1'],
    });
  });

  it.each([
    ['an accepted owner invite', invite({ role: 'owner', status: 'accepted' })],
    ['an expired owner invite', invite({ role: 'owner', status: 'expired' })],
    ['a pending reader invite as project member', invite({ projects: [{ id: 'proj_1', role: 'member' }] })],
    [
      'another setting',
      setting('openai.project', { role: 'owner', status: 'pending' }, { provider: 'openai' }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
