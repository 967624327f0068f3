import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/project-key-not-rotated.ts';
import { apiKey, check, daysAgo } from '../support.ts';

const key = (createdAt: string | null) =>
  apiKey({
    provider: 'openai',
    keyType: 'openai_project_key',
    createdAt,
    attributes: { projectId: 'proj_1' },
  });

describe(rule.id, () => {
  it('flags a key older than rotationDays', () => {
    expect(check(rule, key(daysAgo(500)))?.evidence).toMatchObject({
      projectId: 'proj_1',
      ageDays: 500,
      rotationDays: 365,
    });
  });

  it.each([
    ['a young key', key(daysAgo(364))],
    ['no creation time', key(null)],
    ['an admin key', apiKey({ provider: 'openai', keyType: 'openai_admin_key', createdAt: daysAgo(900) })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('honours the rotationDays option', () => {
    expect(check(rule, key(daysAgo(200)), { options: { rotationDays: 180 } })).not.toBeNull();
  });
});
