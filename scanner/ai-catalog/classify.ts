/**
 * Recognising an app as a known AI app. Evidence is tried strongest first and the first hit wins:
 *
 * 1. id        the asset's appId equals a catalog Google OAuth client id, Entra app id or GitHub
 *              App slug (case-insensitive; when the asset's provider is given, only that
 *              provider's kind of id is consulted). Vendor-issued and unforgeable.
 * 2. publisher the asset's publisher equals a catalog publisher after `normalizePublisher`
 *              (case, punctuation, trailing legal form). Entra verifies publishers; elsewhere it
 *              is a claim, which is why it ranks below ids.
 * 3. domain    a host from `asset.domains` (bare hosts or URLs) or a homepage attribute equals a
 *              catalog domain or is a subdomain of one (app.otter.ai → otter.ai). Never a substring:
 *              otter.ai.evil.com and nototter.ai do not match. The most specific catalog domain wins.
 * 4. name      weakest, because anyone can name an app anything. After `normalizeName` (case,
 *              whitespace, dash variants, ™/®) the asset name must either
 *              - equal a catalog name ('CHATGPT' = 'ChatGPT'), or
 *              - start with a catalog name followed by a spaced separator — ' - ', ' | ', ': ' or
 *                ' (' — e.g. 'Otter.ai - Calendar Sync', 'Claude (Team)'.
 *              So 'Otter Tail Power' (bare space), 'ChatGPT-Helper-Free' (unspaced hyphen),
 *              'ChatGPT for Sheets' (a word, and a third-party app) and 'Claudette' (no boundary)
 *              do not match. The longest matching catalog name wins.
 *
 * A name match is a hint, not an identity: policy that approves apps should not trust
 * `matchedBy: 'name'` alone.
 */
import type { Provider } from '../model.ts';
import { hostAndParents, normalizeHost, normalizeName, normalizePublisher } from './normalize.ts';
import type { AiApp } from './schema.ts';

export type MatchedBy = 'id' | 'publisher' | 'domain' | 'name';
export interface AiMatch {
  app: AiApp;
  matchedBy: MatchedBy;
}

/** What the classifier reads. AppAsset satisfies it; a grant can pass `{ appId, name: appName }`. */
export interface ClassifyInput {
  appId?: string | null;
  name?: string | null;
  publisher?: string | null;
  domains?: readonly string[];
  provider?: Provider;
  attributes?: Record<string, unknown>;
}

/** Name separators after which the rest of a consent-screen name is a qualifier. */
const nameSeparators = [' - ', ' | ', ': ', ' ('] as const;

/** Attributes connectors use for an app's homepage (Entra `homepage`, Google marketplace URLs). */
const homepageAttributes = ['homepage', 'homepageUrl', 'homePage'] as const;

type IdKind = 'googleClientIds' | 'entraAppIds' | 'githubAppSlugs';
const idKindsByProvider: Partial<Record<Provider, IdKind>> = {
  'google-workspace': 'googleClientIds',
  'microsoft-365': 'entraAppIds',
  github: 'githubAppSlugs',
};
const idKinds: readonly IdKind[] = ['googleClientIds', 'entraAppIds', 'githubAppSlugs'];

/** Thrown at load time when two entries claim the same identifier: classification would be ambiguous. */
export class CatalogConflictError extends Error {
  override name = 'CatalogConflictError';
}

function indexBy(
  entries: readonly AiApp[],
  what: string,
  keysOf: (app: AiApp) => string[],
): Map<string, AiApp> {
  const map = new Map<string, AiApp>();
  for (const app of entries) {
    for (const key of new Set(keysOf(app))) {
      const other = map.get(key);
      if (other && other !== app) {
        throw new CatalogConflictError(`${what} '${key}' is claimed by both '${other.id}' and '${app.id}'`);
      }
      map.set(key, app);
    }
  }
  return map;
}

export function createClassifier(entries: readonly AiApp[]): (input: ClassifyInput) => AiMatch | null {
  const ids = new Map(
    idKinds.map((kind) => [
      kind,
      indexBy(entries, kind, (a) => a.identifiers[kind].map((id) => id.toLowerCase())),
    ]),
  );
  const publishers = indexBy(entries, 'publisher', (a) => a.identifiers.publishers.map(normalizePublisher));
  const domains = indexBy(entries, 'domain', (a) => a.identifiers.domains);
  const names = indexBy(entries, 'name', (a) => a.identifiers.names.map(normalizeName));

  function byId(appId: string, provider: Provider | undefined): AiApp | undefined {
    const key = appId.trim().toLowerCase();
    if (key === '') return undefined;
    const kinds = provider ? [idKindsByProvider[provider]].filter((k) => k !== undefined) : idKinds;
    for (const kind of kinds) {
      const app = ids.get(kind)?.get(key);
      if (app) return app;
    }
    return undefined;
  }

  function byDomain(input: ClassifyInput): AiApp | undefined {
    const candidates = [...(input.domains ?? [])];
    for (const attr of homepageAttributes) {
      const value = input.attributes?.[attr];
      if (typeof value === 'string') candidates.push(value);
    }
    for (const candidate of candidates) {
      const host = normalizeHost(candidate);
      if (!host) continue;
      for (const suffix of hostAndParents(host)) {
        const app = domains.get(suffix);
        if (app) return app;
      }
    }
    return undefined;
  }

  function byName(name: string): AiApp | undefined {
    const normalized = normalizeName(name);
    const exact = names.get(normalized);
    if (exact) return exact;
    let best: { app: AiApp; length: number } | undefined;
    for (const separator of nameSeparators) {
      for (let at = normalized.indexOf(separator); at > 0; at = normalized.indexOf(separator, at + 1)) {
        const app = names.get(normalized.slice(0, at));
        if (app && (!best || at > best.length)) best = { app, length: at };
      }
    }
    return best?.app;
  }

  return (input) => {
    const id = input.appId ? byId(input.appId, input.provider) : undefined;
    if (id) return { app: id, matchedBy: 'id' };
    const publisher = input.publisher ? publishers.get(normalizePublisher(input.publisher)) : undefined;
    if (publisher) return { app: publisher, matchedBy: 'publisher' };
    const domain = byDomain(input);
    if (domain) return { app: domain, matchedBy: 'domain' };
    const name = input.name ? byName(input.name) : undefined;
    if (name) return { app: name, matchedBy: 'name' };
    return null;
  };
}
