/** The rule catalog (GET /v1/rules), fetched once per page load: it only changes with a release. */
import { api } from './client.tsx';
import type { Rule } from './types.tsx';

let catalog: Promise<Map<string, Rule>> | null = null;

export function ruleCatalog(): Promise<Map<string, Rule>> {
  catalog ??= api<{ items: Rule[] }>('GET', '/v1/rules').then(
    (r) => new Map(r.items.map((rule) => [rule.id, rule])),
    (error: unknown) => {
      catalog = null; // try again next time
      throw error;
    },
  );
  return catalog;
}
