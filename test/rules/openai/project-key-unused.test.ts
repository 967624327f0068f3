import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/project-key-unused.ts';
import { apiKey, check, daysAgo } from '../support.ts';

const key = (createdAt: string | null, lastUsedAt: string | null) =>
  apiKey({
    provider: 'openai',
    keyType: 'openai_project_key',
    hint: 'sk-proj-abc...xyz',
    owner: 'ci',
    createdAt,
    lastUsedAt,
    attributes: { projectId: 'proj_1' },
  });

describe(rule.id, () => {
  it('flags a key idle for longer than staleDays, naming its project', () => {
    expect(check(rule, key(daysAgo(300), daysAgo(95)))?.evidence).toMatchObject({
      projectId: 'proj_1',
      idleDays: 95,
      staleDays: 90,
    });
  });

  it('flags a never-used key created long ago', () => {
    expect(check(rule, key(daysAgo(91), null))?.evidence).toMatchObject({
      lastUsedAt: null,
      createdAt: daysAgo(91),
    });
  });

  it.each([
    ['used recently', key(daysAgo(300), daysAgo(2))],
    ['idle exactly staleDays', key(daysAgo(300), daysAgo(90))],
    ['never used, created recently', key(daysAgo(5), null)],
    [
      'an admin key',
      apiKey({
        provider: 'openai',
        keyType: 'openai_admin_key',
        createdAt: daysAgo(300),
        lastUsedAt: daysAgo(200),
      }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
