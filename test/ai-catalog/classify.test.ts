/** The classifier's evidence order, its conservative name rule, and assets shaped like each provider's. */
import { describe, expect, it } from 'vitest';
import {
  type AiApp,
  aiCatalog,
  CatalogConflictError,
  createAiCatalog,
} from '../../scanner/ai-catalog/index.ts';
import { type AppAsset, parseAsset } from '../../scanner/model.ts';

const observedAt = '2026-09-01T00:00:00.000Z';

function app(fields: Partial<AppAsset> & Pick<AppAsset, 'provider' | 'appId' | 'name'>): AppAsset {
  const asset = parseAsset({ kind: 'app', externalId: fields.appId, observedAt, ...fields });
  if (asset.kind !== 'app') throw new Error('not an app');
  return asset;
}

function matchOf(input: Parameters<typeof aiCatalog.classify>[0]): [string, string] | null {
  const match = aiCatalog.classify(input);
  return match ? [match.app.id, match.matchedBy] : null;
}

describe('classify: evidence kinds', () => {
  it.each([
    ['a GitHub App slug', { appId: 'coderabbitai' }, ['coderabbit', 'id']],
    ['a slug in another case', { appId: 'Devin-AI-Integration' }, ['devin', 'id']],
    ['a verified publisher', { appId: 'x', publisher: 'Anthropic' }, ['claude', 'publisher']],
    ['a publisher with a legal form', { appId: 'x', publisher: 'Otter.ai, Inc.' }, ['otter-ai', 'publisher']],
    [
      'a publisher in another case',
      { appId: 'x', publisher: 'FIREFLIES.AI LLC' },
      ['fireflies-ai', 'publisher'],
    ],
    ['an exact domain', { domains: ['granola.ai'] }, ['granola', 'domain']],
    ['a subdomain', { domains: ['app.fireflies.ai'] }, ['fireflies-ai', 'domain']],
    ['a redirect URL', { domains: ['https://api.read.ai:443/oauth/callback?x=1'] }, ['read-ai', 'domain']],
    ['a homepage attribute', { attributes: { homepage: 'https://www.tldv.io/' } }, ['tldv', 'domain']],
    ['an exact name', { name: 'ChatGPT' }, ['chatgpt', 'name']],
    ['a name in another case and spacing', { name: '  otter.AI  ' }, ['otter-ai', 'name']],
    ['a name with a spaced dash qualifier', { name: 'Otter.ai – Google Calendar' }, ['otter-ai', 'name']],
    ['a name with a parenthesised qualifier', { name: 'Claude (Team plan)' }, ['claude', 'name']],
    ['a name with a colon qualifier', { name: 'Perplexity: Enterprise' }, ['perplexity', 'name']],
    ['the longest catalog name', { name: 'Fireflies.ai Notetaker - Zoom' }, ['fireflies-ai', 'name']],
  ])('matches %s', (_, input, expected) => {
    expect(matchOf(input)).toEqual(expected);
  });

  it('prefers id over publisher over domain over name', () => {
    expect(
      matchOf({ appId: 'coderabbitai', publisher: 'Anthropic', domains: ['otter.ai'], name: 'ChatGPT' }),
    ).toEqual(['coderabbit', 'id']);
    expect(matchOf({ appId: 'x', publisher: 'Anthropic', domains: ['otter.ai'], name: 'ChatGPT' })).toEqual([
      'claude',
      'publisher',
    ]);
    expect(matchOf({ appId: 'x', domains: ['otter.ai'], name: 'ChatGPT' })).toEqual(['otter-ai', 'domain']);
  });

  it('consults only the asset provider’s kind of id when the provider is known', () => {
    expect(matchOf({ provider: 'github', appId: 'cursor' })).toEqual(['cursor', 'id']);
    expect(matchOf({ provider: 'google-workspace', appId: 'cursor' })).toBeNull();
  });
});

describe('classify: look-alikes do not match', () => {
  it.each([
    ['a longer word after a catalog name', { name: 'Otter Tail Power' }],
    ['an unspaced hyphen', { name: 'ChatGPT-Helper-Free' }],
    ['a name that merely begins with a catalog name', { name: 'Claudette' }],
    ['a catalog name followed by a word', { name: 'ChatGPT for Sheets' }],
    ['a bare-space suffix', { name: 'Perplexity Solver Pro' }],
    ['a catalog name inside another name', { name: 'My Grammarly Clone' }],
    ['a prefix glued to a catalog name', { name: 'SuperChatGPT' }],
    ['a catalog domain as a label of another domain', { domains: ['otter.ai.evil.example'] }],
    ['a catalog domain as a string suffix', { domains: ['nototter.ai'] }],
    ['a catalog domain inside a hyphenated domain', { domains: ['chatgpt.com-login.example'] }],
    ['a parent of a catalog product domain', { domains: ['microsoft.com'] }],
    ['a publisher that extends a catalog publisher', { publisher: 'OpenAI Helper Ltd' }],
    ['a publisher that is a prefix of a catalog publisher', { publisher: 'Anthrop' }],
    ['a slug that extends a catalog slug', { appId: 'claude-helper' }],
    ['a suite product that is not an AI feature', { name: 'Notion', domains: ['notion.so'] }],
  ])('rejects %s', (_, input) => {
    expect(aiCatalog.classify(input)).toBeNull();
  });
});

describe('classify: assets shaped like each provider’s', () => {
  it('Google token: appId is the OAuth client id, name is displayText', () => {
    const asset = app({
      provider: 'google-workspace',
      appId: '418273650912-7kq2.apps.googleusercontent.com',
      name: 'Fireflies.ai Notetaker',
    });
    expect(aiCatalog.classify(asset)).toMatchObject({ app: { id: 'fireflies-ai' }, matchedBy: 'name' });
    const unknown = app({
      provider: 'google-workspace',
      appId: '1-abc.apps.googleusercontent.com',
      name: 'PDF Docs Sync',
    });
    expect(aiCatalog.classify(unknown)).toBeNull();
  });

  it('Entra service principal: appId is a GUID, publisher is the verified publisher', () => {
    const asset = app({
      provider: 'microsoft-365',
      appId: '00001111-aaaa-2222-bbbb-3333cccc4444',
      name: 'Meeting assistant',
      publisher: 'Otter.ai, Inc.',
      publisherVerified: true,
    });
    expect(aiCatalog.classify(asset)).toMatchObject({ app: { id: 'otter-ai' }, matchedBy: 'publisher' });
    const byHomepage = app({
      provider: 'microsoft-365',
      appId: '00001111-aaaa-2222-bbbb-3333cccc5555',
      name: 'Notes',
      attributes: { homepage: 'https://app.meetgeek.ai/login' },
    });
    expect(aiCatalog.classify(byHomepage)).toMatchObject({ app: { id: 'meetgeek' }, matchedBy: 'domain' });
  });

  it('GitHub App installation: appId is the app slug', () => {
    const asset = app({ provider: 'github', appId: 'devin-ai-integration', name: 'devin-ai-integration' });
    expect(aiCatalog.classify(asset)).toMatchObject({
      app: { id: 'devin', category: 'coding' },
      matchedBy: 'id',
    });
    expect(aiCatalog.classify(app({ provider: 'github', appId: 'ci-bot', name: 'ci-bot' }))).toBeNull();
  });

  it('an oauth grant classifies through its appId and appName', () => {
    expect(aiCatalog.classify({ provider: 'github', appId: 'claude', name: 'claude' })?.app.id).toBe(
      'claude-code',
    );
  });
});

describe('createAiCatalog', () => {
  const entry = (id: string, domain: string): AiApp => ({
    id,
    vendor: id,
    product: id,
    category: 'assistant',
    identifiers: {
      googleClientIds: [],
      entraAppIds: [],
      githubAppSlugs: [],
      publishers: [],
      domains: [domain],
      names: [],
    },
    risk: 'Test.',
    source: 'https://example.com/',
  });

  it('refuses two entries claiming one identifier', () => {
    expect(() => createAiCatalog([entry('a', 'same.example'), entry('b', 'same.example')])).toThrow(
      CatalogConflictError,
    );
  });

  it('refuses duplicate ids', () => {
    expect(() => createAiCatalog([entry('a', 'a.example'), entry('a', 'b.example')])).toThrow(/duplicate id/);
  });
});
