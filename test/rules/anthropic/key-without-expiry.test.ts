import { describe, expect, it } from 'vitest';
import rule from '../../../rules/anthropic/key-without-expiry.ts';
import { check } from '../support.ts';
import { anthropicKey } from './helpers.ts';

describe(rule.id, () => {
  it('flags an active key without expiry, evidence without the key', () => {
    expect(check(rule, anthropicKey({ expiresAt: null }))?.evidence).toEqual({
      createdAt: anthropicKey().createdAt,
      workspaceId: 'wrkspc_01prod',
      hint: 'sk-ant-api03-R2D...igAA',
    });
  });

  it.each([
    ['with an expiry', anthropicKey()],
    ['inactive', anthropicKey({ expiresAt: null }, { status: 'inactive' })],
  ])('does not flag a key %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
