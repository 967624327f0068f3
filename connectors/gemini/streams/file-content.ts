/**
 * A probe that states a vendor fact for the DLP rules: the Gemini API keeps no way to download
 * an uploaded file (only metadata; only generated files have a download URI), so no content can
 * be inspected. It yields nothing and is always unavailable, which makes every rule over Gemini
 * files that waits on it — `common/dlp-file-ai-upload` above all — "not evaluated" with this
 * reason, instead of silently passing files nobody could read.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { StreamUnavailableError } from '../../../scanner/errors.ts';
import type { GeminiClient } from '../client.ts';
import type { GeminiCredentials } from '../credentials.ts';

export const fileContentStream = defineStream<GeminiCredentials, GeminiClient>({
  name: 'file-content',
  kinds: ['file'],
  // biome-ignore lint/correctness/useYield: a probe that never yields, by design
  async *collect() {
    throw new StreamUnavailableError(
      'gemini_files_not_downloadable',
      'gemini: files uploaded to the Gemini API cannot be downloaded (the API serves their metadata only), so their content cannot be inspected for sensitive data',
    );
  },
});
