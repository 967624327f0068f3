/**
 * The project's API keys (API Keys API v2, `projects.locations.keys.list` in `global`), deleted
 * keys left out. A full read every scan: projects hold tens of keys, not thousands. Without
 * `apikeys.keys.list` on the project the stream is unavailable, naming the permission.
 */
import { defineStream } from '../../../scanner/connector.ts';
import type { GeminiClient } from '../client.ts';
import type { GeminiCredentials } from '../credentials.ts';
import { GEMINI_MANIFEST } from '../manifest.ts';
import { normalizeApiKey, WireKey } from '../normalize/api-key.ts';
import { parsePage } from '../parse-page.ts';

const CALL = 'GET /v2/{parent}/keys';

export const apiKeysStream = defineStream<GeminiCredentials, GeminiClient>({
  name: 'api-keys',
  kinds: ['api_key'],
  async *collect(ctx) {
    const { client } = ctx;
    await client.authorize();
    const api = client.apiKeys();
    const parent = `projects/${client.projectId}/locations/${GEMINI_MANIFEST.keysLocation}`;
    let pageToken: string | undefined;
    do {
      const { data } = await client.execute({ api: 'apikeys', call: CALL }, (signal) =>
        api.projects.locations.keys.list(
          { parent, pageSize: GEMINI_MANIFEST.keysPageSize, pageToken },
          { signal },
        ),
      );
      const page = parsePage(CALL, data, 'keys', WireKey, pageToken);
      const observedAt = new Date().toISOString();
      yield { assets: page.items.map((key) => normalizeApiKey(key, client.projectId, observedAt)) };
      pageToken = page.nextPageToken;
    } while (pageToken);
  },
});
