/**
 * The Gemini connector: a Google Cloud project's API keys (the keys that call Gemini, among
 * others) through the API Keys API as a service account, and, given a Gemini API key of the
 * project, the files uploaded to the Gemini API. See MODEL.md for what each stream yields.
 */
import { defineConnector } from '../../scanner/connector.ts';
import { createGeminiClient, type GeminiClient } from './client.ts';
import { GeminiConfig, GeminiCredentials } from './credentials.ts';
import { GEMINI_MANIFEST } from './manifest.ts';
import { apiKeysStream } from './streams/api-keys.ts';
import { fileContentStream } from './streams/file-content.ts';
import { filesStream } from './streams/files.ts';

export type { GeminiClient } from './client.ts';
export { GeminiConfig, GeminiCredentials } from './credentials.ts';

export const geminiConnector = defineConnector<GeminiCredentials, GeminiClient>({
  provider: 'gemini',
  credentials: GeminiCredentials,
  config: GeminiConfig,
  createClient: createGeminiClient,
  // `files` before the probe, so a connection without a Gemini key reports that as the reason.
  streams: [apiKeysStream, filesStream, fileContentStream],
  async verify(ctx) {
    const { client } = ctx;
    await client.authorize();
    const parent = `projects/${client.projectId}/locations/${GEMINI_MANIFEST.keysLocation}`;
    await client.execute({ api: 'apikeys', call: 'GET /v2/{parent}/keys' }, (signal) =>
      client.apiKeys().projects.locations.keys.list({ parent, pageSize: 1 }, { signal }),
    );
  },
  // No fetchContent: the Gemini API cannot return an uploaded file's content (see file-content).
});
