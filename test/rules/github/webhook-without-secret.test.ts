import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/webhook-without-secret.ts';
import { check, setting } from '../support.ts';

const hook = (values: Record<string, unknown>) =>
  setting('github.webhook', { url: 'https://hooks.example.com/gh', ...values }, { externalId: 'hook:1' });

describe(rule.id, () => {
  it('flags a hook without a secret', () => {
    expect(check(rule, hook({ hasSecret: false }))).toEqual({
      evidence: { url: 'https://hooks.example.com/gh', hasSecret: false },
    });
  });

  it.each([true, null])('does not flag hasSecret %s', (hasSecret) => {
    expect(check(rule, hook({ hasSecret }))).toBeNull();
  });
});
