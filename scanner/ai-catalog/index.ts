/**
 * The AI-app catalog: known AI products (catalog.json) and `classify`, which recognises an app or
 * grant from the identifiers connectors put on assets. Rules use it to find shadow AI; the
 * matching rules are documented in classify.ts.
 */
import catalogJson from './catalog.json' with { type: 'json' };
import { type AiMatch, type ClassifyInput, createClassifier } from './classify.ts';
import { type AiApp, AiCatalogFile } from './schema.ts';

export type { AiMatch, ClassifyInput, MatchedBy } from './classify.ts';
export { CatalogConflictError } from './classify.ts';
export { type AiApp, type AiAppIdentifiers, AiCatalogFile, type AiCategory, aiCategories } from './schema.ts';

export interface AiCatalog {
  readonly entries: readonly AiApp[];
  get(id: string): AiApp | undefined;
  /** The catalog entry an app or grant is, and the strongest evidence that said so; null if none. */
  classify(asset: ClassifyInput): AiMatch | null;
}

/** Builds a catalog from parsed entries; throws if two entries share an id or an identifier. */
export function createAiCatalog(entries: readonly AiApp[]): AiCatalog {
  const byId = new Map<string, AiApp>();
  for (const entry of entries) {
    if (byId.has(entry.id)) throw new Error(`AI catalog: duplicate id '${entry.id}'`);
    byId.set(entry.id, entry);
  }
  const classify = createClassifier(entries);
  return { entries, get: (id) => byId.get(id), classify };
}

/** Validates raw catalog JSON (the shipped file, or a tenant's extension of it). */
export function parseAiCatalog(json: unknown): AiCatalog {
  return createAiCatalog(AiCatalogFile.parse(json).entries);
}

/** The shipped catalog, validated once at import so a bad edit fails fast and loudly. */
export const aiCatalog: AiCatalog = parseAiCatalog(catalogJson);
