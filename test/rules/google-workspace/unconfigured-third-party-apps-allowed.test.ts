import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/unconfigured-third-party-apps-allowed.ts';
import { check, gwsPolicyOf, GWS_OU as OU } from '../support.ts';

const policy = gwsPolicyOf('google-workspace.api_controls.unconfigured_third_party_apps');

describe(rule.id, () => {
  it.each(['ALLOW_SIGN_IN_SCOPES_ONLY', 'UNSPECIFIED_UBER_BLOCK'])('flags access level %s', (level) => {
    expect(check(rule, policy({ accessLevel: level, accessLevelUnder18: 'BLOCK_ALL_SCOPES' }, 'ou'))).toEqual(
      {
        evidence: { orgUnit: OU, group: null, accessLevel: level },
      },
    );
  });

  it('reports a root policy that does not disclose the access level, at low severity', () => {
    expect(check(rule, policy({}))).toMatchObject({
      severity: 'low',
      evidence: { undisclosed: ['accessLevel'] },
    });
  });

  it.each([
    ['all scopes blocked', policy({ accessLevel: 'BLOCK_ALL_SCOPES' })],
    ['an override that inherits it', policy({ accessLevelUnder18: 'BLOCK_ALL_SCOPES' }, 'ou')],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
