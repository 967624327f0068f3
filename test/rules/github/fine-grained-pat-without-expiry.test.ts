import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/fine-grained-pat-without-expiry.ts';
import { apiKey, check, daysAgo } from '../support.ts';

const pat = (fields: Parameters<typeof apiKey>[0]) =>
  apiKey({ name: 'deploy script', owner: 'octocat', attributes: { expiryReported: true }, ...fields });

describe(rule.id, () => {
  it('flags a token without expiry', () => {
    expect(check(rule, pat({ expiresAt: null }))).toEqual({
      evidence: { owner: 'octocat', tokenName: 'deploy script', expiresAt: null },
    });
  });

  it.each([
    ['expiring', pat({ expiresAt: daysAgo(-30) })],
    ['expiry not reported', pat({ attributes: { expiryReported: false } })],
    ['pending request', pat({ keyType: 'github_fine_grained_pat_request' })],
    ['deploy key', pat({ keyType: 'github_deploy_key' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
