import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/marketplace-apps-unrestricted.ts';
import { check, gwsPolicyOf, GWS_OU as OU } from '../support.ts';

const policy = gwsPolicyOf('google-workspace.workspace_marketplace.apps_access_options');

describe(rule.id, () => {
  it('flags any Marketplace app allowed', () => {
    expect(check(rule, policy({ accessLevel: 'ALLOW_ALL', allowAllInternalApps: false }, 'ou'))).toEqual({
      evidence: { orgUnit: OU, group: null, accessLevel: 'ALLOW_ALL', allowAllInternalApps: false },
    });
  });

  it('flags an allowlist with the exception for every internal app', () => {
    expect(
      check(rule, policy({ accessLevel: 'ALLOW_LISTED_APPS', allowAllInternalApps: true }))?.evidence,
    ).toMatchObject({
      accessLevel: 'ALLOW_LISTED_APPS',
      allowAllInternalApps: true,
    });
  });

  it('applies Google’s default (ALLOW_ALL) to a root policy without fields', () => {
    expect(check(rule, policy({}))?.evidence).toMatchObject({
      accessLevel: 'ALLOW_ALL',
      defaulted: ['accessLevel', 'allowAllInternalApps'],
    });
  });

  it('flags an override that allows internal apps under an inherited level, saying so', () => {
    expect(check(rule, policy({ allowAllInternalApps: true }, 'ou'))).toMatchObject({
      severity: 'low',
      evidence: { accessLevel: null, undisclosed: ['accessLevel'] },
    });
  });

  it.each([
    ['allowlisted apps only', policy({ accessLevel: 'ALLOW_LISTED_APPS', allowAllInternalApps: false })],
    ['allowlisted, exception left at its default', policy({ accessLevel: 'ALLOW_LISTED_APPS' })],
    ['no apps', policy({ accessLevel: 'ALLOW_NONE', allowAllInternalApps: true }, 'ou')],
    ['an override with the exception off', policy({ allowAllInternalApps: false }, 'ou')],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
