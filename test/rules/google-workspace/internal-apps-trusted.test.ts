import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/internal-apps-trusted.ts';
import { check, gwsPolicyOf, GWS_ROOT as ROOT } from '../support.ts';

const policy = gwsPolicyOf('google-workspace.api_controls.internal_apps');

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
