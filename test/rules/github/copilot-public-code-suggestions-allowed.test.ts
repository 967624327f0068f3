import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/copilot-public-code-suggestions-allowed.ts';
import { check, setting } from '../support.ts';

const copilot = (value: unknown) =>
  setting('github.copilot', { publicCodeSuggestions: value }, { externalId: 'copilot:acme' });

describe(rule.id, () => {
  it('flags public code suggestions allowed', () => {
    expect(check(rule, copilot('allow'))).toEqual({ evidence: { publicCodeSuggestions: 'allow' } });
  });

  it.each(['block', 'unconfigured', null])('does not flag %s', (value) => {
    expect(check(rule, copilot(value))).toBeNull();
  });
});
