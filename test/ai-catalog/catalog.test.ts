/** Conformance of catalog.json: the data contract every classification depends on. */
import { describe, expect, it } from 'vitest';
import raw from '../../scanner/ai-catalog/catalog.json' with { type: 'json' };
import { AiCatalogFile, aiCatalog, aiCategories } from '../../scanner/ai-catalog/index.ts';
import { normalizeName, normalizePublisher } from '../../scanner/ai-catalog/normalize.ts';

const entries = aiCatalog.entries;

/** Hosts shared by many tenants' apps or whole suites: a match on them would label unrelated apps. */
const sharedDomains = [
  'google.com',
  'googleusercontent.com',
  'microsoft.com',
  'office.com',
  'azurewebsites.net',
  'github.com',
  'github.io',
  'vercel.app',
  'netlify.app',
  'herokuapp.com',
  'amazonaws.com',
  'cloudfront.net',
  'salesforce.com',
  'atlassian.com',
  'atlassian.net',
  'slack.com',
  'zoom.us',
  'notion.so',
  'canva.com',
];
/** Publishers of whole suites: claiming one would mark every app they publish as an AI app. */
const suitePublishers = [
  'Microsoft',
  'Google',
  'Amazon',
  'Salesforce',
  'Atlassian',
  'Zoom',
  'Canva',
  'Notion Labs',
];

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('AI catalog data', () => {
  it('matches the schema', () => {
    const parsed = AiCatalogFile.safeParse(raw);
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  });

  it('has at least 150 entries and uses every category', () => {
    expect(entries.length).toBeGreaterThanOrEqual(150);
    expect(new Set(entries.map((e) => e.category))).toEqual(new Set(aiCategories));
  });

  it('has unique ids', () => {
    expect(duplicates(entries.map((e) => e.id))).toEqual([]);
  });

  it('never lets two entries claim the same identifier', () => {
    const all = (pick: (e: (typeof entries)[number]) => string[]) =>
      entries.flatMap((e) => [...new Set(pick(e))]);
    expect(duplicates(all((e) => e.identifiers.googleClientIds))).toEqual([]);
    expect(duplicates(all((e) => e.identifiers.entraAppIds.map((id) => id.toLowerCase())))).toEqual([]);
    expect(duplicates(all((e) => e.identifiers.githubAppSlugs))).toEqual([]);
    expect(duplicates(all((e) => e.identifiers.domains))).toEqual([]);
    expect(duplicates(all((e) => e.identifiers.publishers.map(normalizePublisher)))).toEqual([]);
    expect(duplicates(all((e) => e.identifiers.names.map(normalizeName)))).toEqual([]);
  });

  it('gives every entry an https source and a one-sentence risk', () => {
    for (const e of entries) {
      expect(new URL(e.source).protocol, e.id).toBe('https:');
      expect(e.risk, e.id).toMatch(/^[A-Z].*\.$/);
      expect(e.risk.length, e.id).toBeLessThan(220);
    }
  });

  it('gives every entry something to match on', () => {
    for (const e of entries) {
      const { googleClientIds, entraAppIds, githubAppSlugs, domains, names } = e.identifiers;
      const count =
        googleClientIds.length + entraAppIds.length + githubAppSlugs.length + domains.length + names.length;
      expect(count, e.id).toBeGreaterThan(0);
    }
  });

  it('claims no shared hosting domain and no suite publisher', () => {
    const domains = entries.flatMap((e) => e.identifiers.domains);
    for (const shared of sharedDomains) expect(domains, shared).not.toContain(shared);
    const publishers = new Set(entries.flatMap((e) => e.identifiers.publishers.map(normalizePublisher)));
    for (const suite of suitePublishers) expect(publishers.has(normalizePublisher(suite)), suite).toBe(false);
  });

  it('classifies each entry by each of its own identifiers', () => {
    for (const e of entries) {
      const { githubAppSlugs, entraAppIds, googleClientIds, publishers, domains, names } = e.identifiers;
      for (const appId of [...githubAppSlugs, ...entraAppIds, ...googleClientIds]) {
        expect(aiCatalog.classify({ appId })?.app.id, appId).toBe(e.id);
      }
      for (const publisher of publishers)
        expect(aiCatalog.classify({ publisher })?.app.id, publisher).toBe(e.id);
      for (const domain of domains)
        expect(aiCatalog.classify({ domains: [domain] })?.app.id, domain).toBe(e.id);
      for (const name of names) expect(aiCatalog.classify({ name })?.app.id, name).toBe(e.id);
    }
  });

  it('looks entries up by id', () => {
    expect(aiCatalog.get('otter-ai')?.product).toBe('Otter.ai');
    expect(aiCatalog.get('no-such-app')).toBeUndefined();
  });
});
