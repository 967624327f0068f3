import { describe, expect, it } from 'vitest';
import rule from '../../../rules/anthropic/key-not-rotated.ts';
import { check, daysAgo } from '../support.ts';
import { anthropicKey } from './helpers.ts';

describe(rule.id, () => {
  it('flags an active key older than rotationDays', () => {
    expect(check(rule, anthropicKey({ createdAt: daysAgo(400) }))?.evidence).toMatchObject({
      ageDays: 400,
      rotationDays: 365,
      workspaceId: 'wrkspc_01prod',
    });
  });

  it.each([
    ['young', anthropicKey({ createdAt: daysAgo(300) })],
    ['old but archived', anthropicKey({ createdAt: daysAgo(800) }, { status: 'archived' })],
  ])('does not flag a key that is %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('follows the policy rotationDays', () => {
    expect(
      check(rule, anthropicKey({ createdAt: daysAgo(100) }), { policy: { rotationDays: 90 } }),
    ).not.toBeNull();
  });
});
