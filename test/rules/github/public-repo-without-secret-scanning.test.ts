import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/public-repo-without-secret-scanning.ts';
import { check, setting } from '../support.ts';

const repo = (values: Record<string, unknown>) =>
  setting(
    'github.repository',
    { visibility: 'public', archived: false, secretScanning: 'disabled', ...values },
    {
      externalId: 'repo:1296269',
      name: 'acme/payments',
      scope: 'repository',
    },
  );

describe(rule.id, () => {
  it('flags a public repository with secret scanning disabled', () => {
    expect(check(rule, repo({}))).toEqual({
      evidence: { repository: 'acme/payments', visibility: 'public', secretScanning: 'disabled' },
    });
  });

  it.each([
    ['enabled', repo({ secretScanning: 'enabled' })],
    ['unknown (security_and_analysis not visible)', repo({ secretScanning: null })],
    ['private', repo({ visibility: 'private' })],
    ['internal', repo({ visibility: 'internal' })],
    ['archived', repo({ archived: true })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
