import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/webhook-insecure-url.ts';
import { check, setting } from '../support.ts';

const hook = (url: unknown) => setting('github.webhook', { url, hasSecret: true }, { externalId: 'hook:1' });

describe(rule.id, () => {
  it.each(['http://hooks.example.com/gh', 'HTTP://hooks.example.com'])('flags %s', (url) => {
    expect(check(rule, hook(url))).toEqual({ evidence: { url } });
  });

  it.each(['https://hooks.example.com/gh', null])('does not flag %s', (url) => {
    expect(check(rule, hook(url))).toBeNull();
  });
});
