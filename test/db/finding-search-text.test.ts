/**
 * Text search pages through the trigram index are exact: for common and rare words, case-folded,
 * in two orders and across cursor pages, every page equals the same search done by hand over all
 * of the tenant's findings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFindings } from '../../db/finding-queries.ts';
import { type FindingPageRequest, searchFindings } from '../../db/finding-search.ts';
import type { Finding } from '../../db/findings.ts';
import { backends, createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createOutboxFixture, type OutboxFixture } from '../support/outbox.ts';

const size = 1500;

function byHand(all: Finding[], text: string, page: FindingPageRequest): string[] {
  const needle = text.toLowerCase();
  const matches = all.filter((f) =>
    [f.title, f.ruleId, f.assetName, f.assetKey, f.assetExternalId].some((v) =>
      v.toLowerCase().includes(needle),
    ),
  );
  const key = (f: Finding) => (page.sort === 'lastSeenAt' ? f.lastSeenAt.getTime() : 0); // one severity, one scan
  matches.sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (page.direction === 'desc') matches.reverse();
  return matches.map((f) => f.id);
}

describe.each(backends())('text search on %s', (backend) => {
  let database: TestDatabase;
  let f: OutboxFixture;
  let all: Finding[];

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    f = await createOutboxFixture(database);
    await f.open(size);
    all = await listFindings(database.db, f.tenantId);
    expect(all).toHaveLength(size);
  }, 120_000);
  afterAll(async () => database.close());

  // 'org' matches all 1,500 findings, 'Org 1' 611, 'ORG 2' 111, 'org 1499' one, 'nothing' none.
  it.each(['org', 'Org 1', 'ORG 2', 'org 1499', 'nothing'])(
    'pages of %s equal the search by hand',
    async (text) => {
      for (const page of [
        { sort: 'severity', direction: 'desc', limit: 50 },
        { sort: 'lastSeenAt', direction: 'asc', limit: 40 },
      ] as FindingPageRequest[]) {
        const expected = byHand(all, text, page);
        const got: string[] = [];
        let after: string | undefined;
        for (let i = 0; i < 4; i++) {
          const result = await searchFindings(
            database.db,
            f.tenantId,
            { text },
            { ...page, ...(after ? { after } : {}) },
          );
          got.push(...result.rows.map((r) => r.id));
          if (!result.hasMore) break;
          after = result.rows.at(-1)!.id;
        }
        expect(got).toEqual(expected.slice(0, got.length));
        expect(got.length).toBe(Math.min(expected.length, 4 * page.limit));
      }
    },
  );
});
