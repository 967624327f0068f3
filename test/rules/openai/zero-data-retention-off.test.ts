import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/zero-data-retention-off.ts';
import { check, setting } from '../support.ts';

const required = { policy: { requireZeroDataRetention: true } };
const org = (dataRetention: string) =>
  setting('openai.organization', { dataRetention }, { provider: 'openai' });
const project = (dataRetention: string, effective: string | null, status = 'active') =>
  setting(
    'openai.project',
    { status, dataRetention, effectiveDataRetention: effective },
    { provider: 'openai', name: 'Research', scope: 'project' },
  );

describe(rule.id, () => {
  it('flags an org and projects without zero retention when the policy requires it', () => {
    expect(check(rule, org('modified_abuse_monitoring'), required)?.evidence).toEqual({
      organizationRetention: 'modified_abuse_monitoring',
    });
    expect(check(rule, project('none', 'none'), required)?.evidence).toMatchObject({
      projectRetention: 'none',
    });
    expect(
      check(rule, project('organization_default', 'modified_abuse_monitoring'), required),
    ).not.toBeNull();
  });

  it.each([
    ['a zero-retention org', org('zero_data_retention')],
    ['an enhanced zero-retention org', org('enhanced_zero_data_retention')],
    ['a project inheriting zero retention', project('organization_default', 'zero_data_retention')],
    ['an archived project', project('none', 'none', 'archived')],
    ['an unknown effective retention', project('organization_default', null)],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset, required)).toBeNull();
  });

  it('is silent unless the policy requires zero retention', () => {
    expect(check(rule, org('modified_abuse_monitoring'))).toBeNull();
  });
});
