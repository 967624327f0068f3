import { describe, expect, it } from 'vitest';
import rule from '../../../rules/anthropic/key-owner-removed.ts';
import { check } from '../support.ts';
import { anthropicKey } from './helpers.ts';

describe(rule.id, () => {
  it('flags an active key whose creator left the organization', () => {
    expect(check(rule, anthropicKey({}, { creatorIsMember: false }))?.evidence).toMatchObject({
      creatorId: 'user_01alice',
    });
  });

  it.each([
    ['creator still a member', anthropicKey()],
    ['inactive', anthropicKey({}, { creatorIsMember: false, status: 'inactive' })],
    [
      'created by a service account',
      anthropicKey({}, { creatorIsMember: null, creatorType: 'service_account' }),
    ],
  ])('does not flag a key: %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('has no evidence when membership could not be read', () => {
    expect(rule.evidenceAvailable?.(anthropicKey({}, { creatorIsMember: null }))).toBe(false);
    expect(rule.evidenceAvailable?.(anthropicKey())).toBe(true);
  });
});
