import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/marketplace-apps-unrestricted.ts';
import { check, setting } from '../support.ts';

const ROOT = 'orgUnits/03ph8a2z1';
const OU = 'orgUnits/03ph8a2z2kq7b1e';
const GROUP = 'groups/01ci93xb3tmzyin';

const policy = (
  values: Record<string, unknown>,
  where: 'root' | 'ou' | 'group' = 'root',
  type = 'google-workspace.workspace_marketplace.apps_access_options',
) =>
  setting(type, values, {
    provider: 'google-workspace',
    scope: where === 'root' ? 'tenant' : 'object',
    attributes: {
      orgUnit: where === 'ou' ? OU : ROOT,
      group: where === 'group' ? GROUP : null,
      sortOrder: where === 'root' ? 1 : 2,
      policyType: 'ADMIN',
    },
  });

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
