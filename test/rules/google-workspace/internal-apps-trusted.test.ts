import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/internal-apps-trusted.ts';
import { check, setting } from '../support.ts';

const ROOT = 'orgUnits/03ph8a2z1';
const OU = 'orgUnits/03ph8a2z2kq7b1e';
const GROUP = 'groups/01ci93xb3tmzyin';

const policy = (
  values: Record<string, unknown>,
  where: 'root' | 'ou' | 'group' = 'root',
  type = 'google-workspace.api_controls.internal_apps',
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
  it('flags trusted internal apps', () => {
    expect(check(rule, policy({ trustInternalApps: true }))).toEqual({
      evidence: { orgUnit: ROOT, group: null, trustInternalApps: true },
    });
  });

  it('reports a root policy that does not disclose the field', () => {
    expect(check(rule, policy({}))?.evidence).toMatchObject({
      trustInternalApps: null,
      undisclosed: ['trustInternalApps'],
    });
  });

  it.each([
    ['not trusted', policy({ trustInternalApps: false })],
    ['an OU that stops trusting them', policy({ trustInternalApps: false }, 'ou')],
    ['an override that inherits it', policy({}, 'ou')],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
