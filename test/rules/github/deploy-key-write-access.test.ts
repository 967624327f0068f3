import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/deploy-key-write-access.ts';
import { apiKey, check } from '../support.ts';

const key = (access: 'read' | 'write' | 'admin' | null) =>
  apiKey({
    externalId: 'deploy-key:acme/payments:1',
    keyType: 'github_deploy_key',
    name: 'ci',
    access,
    attributes: { repository: 'acme/payments' },
  });

describe(rule.id, () => {
  it('flags a deploy key with write access', () => {
    expect(check(rule, key('write'))).toEqual({
      evidence: { repository: 'acme/payments', title: 'ci', access: 'write' },
    });
  });

  it.each(['read', null] as const)('does not flag access %s', (access) => {
    expect(check(rule, key(access))).toBeNull();
  });

  it('ignores other key types', () => {
    expect(check(rule, apiKey({ access: 'write' }))).toBeNull();
  });
});
