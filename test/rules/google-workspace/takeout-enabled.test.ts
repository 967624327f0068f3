import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/takeout-enabled.ts';
import { check, gwsPolicyOf, GWS_OU as OU } from '../support.ts';

const policy = gwsPolicyOf('google-workspace.takeout.service_status');

describe(rule.id, () => {
  it('flags Takeout for services without an individual control', () => {
    expect(check(rule, policy({ serviceState: 'ENABLED' }, 'ou'))).toEqual({
      evidence: {
        orgUnit: OU,
        group: null,
        service: 'services without an individual admin control',
        serviceState: 'ENABLED',
      },
    });
  });

  it('flags Takeout for a service with its own control', () => {
    const asset = policy({ takeoutStatus: 'ENABLED' }, 'ou', 'google-workspace.photos.user_takeout');
    expect(check(rule, asset)?.evidence).toEqual({
      orgUnit: OU,
      group: null,
      service: 'photos',
      takeoutStatus: 'ENABLED',
    });
  });

  it('reports a root policy that does not disclose the state', () => {
    expect(check(rule, policy({}))).toMatchObject({
      severity: 'low',
      evidence: { undisclosed: ['serviceState'] },
    });
  });

  it.each([
    ['disabled', policy({ serviceState: 'DISABLED' })],
    [
      'disabled per app',
      policy({ takeoutStatus: 'DISABLED' }, 'root', 'google-workspace.youtube.user_takeout'),
    ],
    ['an override that inherits it', policy({}, 'ou')],
    [
      'another service status',
      policy({ serviceState: 'ENABLED' }, 'root', 'google-workspace.gmail.service_status'),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
