import { describe, expect, it } from 'vitest';
import rule from '../../../rules/anthropic/key-unused.ts';
import { check, daysAgo } from '../support.ts';
import { anthropicKey } from './helpers.ts';

describe(rule.id, () => {
  it('flags an active key last used staleDays ago or more', () => {
    expect(
      check(rule, anthropicKey({ createdAt: daysAgo(200), lastUsedAt: daysAgo(90) }))?.evidence,
    ).toMatchObject({
      idleDays: 90,
      staleDays: 90,
      usageLookbackDays: 90,
    });
  });

  it('flags a key with no use in the window, created before staleDays', () => {
    expect(check(rule, anthropicKey({ createdAt: daysAgo(120), lastUsedAt: null }))?.evidence).toMatchObject({
      lastUsedAt: null,
      idleDays: null,
    });
  });

  it.each([
    ['used yesterday', anthropicKey()],
    ['never used but young', anthropicKey({ createdAt: daysAgo(20), lastUsedAt: null })],
    ['inactive', anthropicKey({ createdAt: daysAgo(300), lastUsedAt: null }, { status: 'inactive' })],
  ])('does not flag a key %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('has no evidence for an active key whose use is unknown', () => {
    expect(rule.evidenceAvailable?.(anthropicKey({ usageTracked: false }, { usageLookbackDays: null }))).toBe(
      false,
    );
    expect(rule.evidenceAvailable?.(anthropicKey())).toBe(true);
    expect(rule.evidenceAvailable?.(anthropicKey({ usageTracked: false }, { status: 'archived' }))).toBe(
      true,
    );
  });

  it('refuses to judge when the usage window is shorter than staleDays', () => {
    const asset = anthropicKey({ createdAt: daysAgo(200), lastUsedAt: null }, { usageLookbackDays: 30 });
    expect(() => check(rule, asset)).toThrow(/usageLookbackDays/);
    expect(check(rule, asset, { options: { staleDays: 30 } })).not.toBeNull();
  });
});
