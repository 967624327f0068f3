/**
 * The connector contract (connectors/gemini/MODEL.md) at the edge: wire keys and files map to
 * the model as documented, and pages that are not the documented envelope are malformed.
 */
import { describe, expect, it } from 'vitest';
import { GeminiConfig, GeminiCredentials } from '../../../connectors/gemini/credentials.ts';
import { normalizeApiKey, WireKey } from '../../../connectors/gemini/normalize/api-key.ts';
import { normalizeFile, WireFile } from '../../../connectors/gemini/normalize/file.ts';
import { parsePage } from '../../../connectors/gemini/parse-page.ts';
import { parseAsset } from '../../../scanner/model.ts';

const observedAt = '2026-09-01T00:00:00.000Z';
const key = (fields: Record<string, unknown>) =>
  parseAsset(
    normalizeApiKey(
      WireKey.parse({
        name: 'projects/123456867718/locations/global/keys/b7ff1f9f-8275-410a-94dd-3855ee9b5dd2',
        uid: 'b7ff1f9f-8275-410a-94dd-3855ee9b5dd2',
        displayName: 'Gemini key',
        createTime: '2026-05-29T22:07:22.036Z',
        updateTime: '2026-05-29T22:07:22.058623Z',
        ...fields,
      }),
      'periscope-sim',
      observedAt,
    ),
  );

describe('gemini api key normalisation', () => {
  it('maps a Gemini-only key without app restriction', () => {
    const asset = key({ restrictions: { apiTargets: [{ service: 'generativelanguage.googleapis.com' }] } });
    expect(asset).toMatchObject({
      provider: 'gemini',
      kind: 'api_key',
      externalId: 'b7ff1f9f-8275-410a-94dd-3855ee9b5dd2',
      name: 'Gemini key',
      keyType: 'google_cloud_api_key',
      owner: 'projects/periscope-sim',
      hint: '…3855ee9b5dd2',
      createdAt: '2026-05-29T22:07:22.036Z',
      usageTracked: false,
      lastUsedAt: null,
      attributes: {
        apiTargets: ['generativelanguage.googleapis.com'],
        allApis: false,
        geminiCapable: true,
        applicationRestrictions: [],
        emptyApplicationRestrictions: [],
        updatedAt: '2026-05-29T22:07:22.058Z',
      },
    });
  });

  it('reads an empty restriction sub-object as no restriction, and no targets as all APIs', () => {
    const asset = key({
      restrictions: { androidKeyRestrictions: {}, serverKeyRestrictions: { allowedIps: [] } },
    });
    expect(asset.attributes).toMatchObject({
      allApis: true,
      geminiCapable: true,
      applicationRestrictions: [],
      emptyApplicationRestrictions: ['server', 'android'],
    });
  });

  it('lists set application restrictions; a key for another API is not Gemini-capable; a bound service account owns it', () => {
    const asset = key({
      serviceAccountEmail: 'web@periscope-sim.iam.gserviceaccount.com',
      restrictions: {
        apiTargets: [{ service: 'maps-backend.googleapis.com', methods: ['*'] }],
        iosKeyRestrictions: { allowedBundleIds: ['com.acme'] },
        browserKeyRestrictions: { allowedReferrers: ['https://acme.example/*'] },
      },
    });
    expect(asset).toMatchObject({ owner: 'web@periscope-sim.iam.gserviceaccount.com' });
    expect(asset.attributes).toMatchObject({
      geminiCapable: false,
      allApis: false,
      applicationRestrictions: ['browser', 'ios'],
    });
  });
});

describe('gemini file normalisation', () => {
  it('parses the int64 size string and keeps the file private to its project', () => {
    const asset = parseAsset(
      normalizeFile(
        WireFile.parse({
          name: 'files/abc123',
          displayName: 'contracts.pdf',
          mimeType: 'application/pdf',
          sizeBytes: '1048576',
          createTime: '2026-08-31T10:00:00Z',
          updateTime: '2026-08-31T10:00:02Z',
          expirationTime: '2026-09-02T10:00:00Z',
          uri: 'https://generativelanguage.googleapis.com/v1beta/files/abc123',
          state: 'ACTIVE',
          source: 'UPLOADED',
        }),
        'periscope-sim',
        observedAt,
      ),
    );
    expect(asset).toMatchObject({
      externalId: 'abc123',
      name: 'contracts.pdf',
      owner: 'projects/periscope-sim',
      sizeBytes: 1048576,
      exposure: 'private',
      dlp: null,
      attributes: {
        source: 'UPLOADED',
        state: 'ACTIVE',
        downloadable: false,
        expiresAt: '2026-09-02T10:00:00.000Z',
      },
    });
  });

  it('leaves an unreadable size unknown rather than zero', () => {
    const asset = parseAsset(
      normalizeFile(WireFile.parse({ name: 'files/x', sizeBytes: 'lots' }), 'p', observedAt),
    );
    expect(asset).toMatchObject({ sizeBytes: null });
  });
});

describe('gemini page parsing', () => {
  const parse = (body: unknown, previous?: string) => () =>
    parsePage('GET /v1beta/files', body, 'files', WireFile, previous);

  it('accepts a page, an empty last token and a missing list', () => {
    expect(parse({ files: [{ name: 'files/a' }], nextPageToken: 'n' })()).toMatchObject({
      nextPageToken: 'n',
    });
    expect(parse({ files: [], nextPageToken: '' })()).toEqual({ items: [], nextPageToken: undefined });
    expect(parse({})()).toEqual({ items: [], nextPageToken: undefined });
  });

  it.each([
    ['text instead of JSON', '[{"name":"trunc'],
    ['a list instead of the envelope', [{ name: 'files/a' }]],
    ['files not a list', { files: { name: 'files/a' } }],
    ['an item without its name', { files: [{ displayName: 'x' }] }],
  ])('rejects %s as malformed_response', (_label, body) => {
    expect(parse(body)).toThrow(expect.objectContaining({ code: 'malformed_response' }));
  });

  it('rejects a token that does not advance (it would loop forever)', () => {
    expect(parse({ files: [], nextPageToken: 'same' }, 'same')).toThrow(/did not advance/);
  });
});

describe('gemini connection input', () => {
  it('names what is wrong with the credentials', () => {
    const notJson = GeminiCredentials.safeParse({ serviceAccountKey: '{not json' });
    expect(notJson.success).toBe(false);
    expect(JSON.stringify(notJson.error?.issues)).toContain('serviceAccountKey is not JSON');
    const emptyKey = GeminiCredentials.safeParse({
      serviceAccountKey: {
        client_email: 'a@b.iam.gserviceaccount.com',
        private_key: '-----BEGIN PRIVATE KEY-----',
      },
      geminiApiKey: ' ',
    });
    expect(JSON.stringify(emptyKey.error?.issues)).toContain('geminiApiKey is empty');
  });

  it('names what is wrong with the config', () => {
    const result = GeminiConfig.safeParse({ projectId: 'Not A Project!' });
    expect(JSON.stringify(result.error?.issues)).toContain('projectId must be a Google Cloud project id');
    expect(GeminiConfig.safeParse({ projectId: '123456867718' }).success).toBe(true);
    expect(GeminiConfig.safeParse({ projectId: 'periscope-sim' }).success).toBe(true);
  });
});
