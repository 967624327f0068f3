import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/secret-scanning-alert-open.ts';
import { check, setting } from '../support.ts';

const alert = (values: Record<string, unknown>) =>
  setting(
    'github.secret-scanning-alert',
    {
      state: 'open',
      secretType: 'aws_access_key_id',
      validity: 'unknown',
      publiclyLeaked: false,
      repository: 'acme/payments',
      number: 3,
      ...values,
    },
    { externalId: 'secret-alert:acme/payments#3', scope: 'object' },
  );

const evidence = (validity: string, publiclyLeaked: boolean | null) => ({
  repository: 'acme/payments',
  secretType: 'aws_access_key_id',
  validity,
  publiclyLeaked,
});

describe(rule.id, () => {
  it('flags an open alert at the default severity (high)', () => {
    expect(rule.severity).toBe('high');
    expect(check(rule, alert({}))).toEqual({ evidence: evidence('unknown', false) });
  });

  it.each([
    ['active secret', { validity: 'active' }, evidence('active', false)],
    ['publicly leaked secret', { publiclyLeaked: true }, evidence('unknown', true)],
  ])('raises to critical for an %s', (_label, values, expected) => {
    expect(check(rule, alert(values))).toEqual({ evidence: expected, severity: 'critical' });
  });

  it.each(['resolved', null])('does not flag state %s', (state) => {
    expect(check(rule, alert({ state }))).toBeNull();
  });
});
