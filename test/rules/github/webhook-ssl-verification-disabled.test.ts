import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/webhook-ssl-verification-disabled.ts';
import { check, setting } from '../support.ts';

const hook = (insecureSsl: unknown) =>
  setting('github.webhook', { url: 'https://hooks.example.com/gh', insecureSsl }, { externalId: 'hook:1' });

describe(rule.id, () => {
  it('flags a hook that skips TLS verification', () => {
    expect(check(rule, hook(true))).toEqual({
      evidence: { url: 'https://hooks.example.com/gh', insecureSsl: true },
    });
  });

  it.each([false, null])('does not flag insecureSsl %s', (insecureSsl) => {
    expect(check(rule, hook(insecureSsl))).toBeNull();
  });
});
