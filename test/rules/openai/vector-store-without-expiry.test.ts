import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/vector-store-without-expiry.ts';
import { check, setting } from '../support.ts';

const store = (values: Record<string, unknown>) =>
  setting(
    'openai.vector_store',
    {
      projectId: 'proj_1',
      status: 'completed',
      expiresAfterDays: null,
      usageBytes: 10,
      fileCount: 2,
      lastActiveAt: null,
      ...values,
    },
    { provider: 'openai', scope: 'project' },
  );

describe(rule.id, () => {
  it('flags a store without an expiry policy', () => {
    expect(check(rule, store({}))?.evidence).toEqual({
      projectId: 'proj_1',
      usageBytes: 10,
      fileCount: 2,
      lastActiveAt: null,
    });
  });

  it.each([
    ['a store that expires', store({ expiresAfterDays: 30 })],
    ['an expired store', store({ status: 'expired' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
