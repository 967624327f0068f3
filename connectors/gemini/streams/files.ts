/**
 * Files uploaded to the Gemini API (v1beta `files.list`, 100 a page). The API lists only the
 * files of the calling key's project and has no admin view, so the stream needs a Gemini API
 * key of the project; without one it is unavailable and the file rules are not evaluated.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { StreamUnavailableError } from '../../../scanner/errors.ts';
import type { GeminiClient } from '../client.ts';
import type { GeminiCredentials } from '../credentials.ts';
import { GEMINI_MANIFEST } from '../manifest.ts';
import { normalizeFile, WireFile } from '../normalize/file.ts';
import { parsePage } from '../parse-page.ts';

const CALL = 'GET /v1beta/files';

export const filesStream = defineStream<GeminiCredentials, GeminiClient>({
  name: 'files',
  kinds: ['file'],
  async *collect(ctx) {
    const { client } = ctx;
    const files = client.files();
    if (!files) {
      throw new StreamUnavailableError(
        'requires_gemini_api_key',
        `gemini: the Gemini API lists uploaded files only to an API key of their project; add the secret geminiApiKey (a key of project ${client.projectId}) to scan them`,
      );
    }
    let pageToken: string | undefined;
    do {
      const pager = await client.execute({ api: 'gemini', call: CALL }, (abortSignal) =>
        files.list({ config: { pageSize: GEMINI_MANIFEST.filesPageSize, pageToken, abortSignal } }),
      );
      // The SDK's pager keeps the page and hands the next token back as the next request's config.
      const body = { files: pager.page, nextPageToken: pager.params.config?.pageToken };
      const page = parsePage(CALL, body, 'files', WireFile, pageToken);
      const observedAt = new Date().toISOString();
      yield { assets: page.items.map((file) => normalizeFile(file, client.projectId, observedAt)) };
      pageToken = page.nextPageToken;
    } while (pageToken);
  },
});
