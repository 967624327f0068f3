/**
 * What a Gemini connection stores: a service-account key that can read the project's API keys
 * (the same JSON key parsing as Google Workspace), and optionally a Gemini API key of the
 * project, without which the files uploaded to the Gemini API cannot be listed.
 */
import { z } from 'zod';
import { ServiceAccountCredentials } from '../google-workspace/credentials.ts';

export const GeminiCredentials = ServiceAccountCredentials.extend({
  /** A Gemini API key of the scanned project: `files.list` only answers with the key's own project. */
  geminiApiKey: z
    .string()
    .trim()
    .min(1, { message: 'geminiApiKey is empty (leave it out to skip the files stream)' })
    .optional(),
});
export type GeminiCredentials = z.infer<typeof GeminiCredentials>;

const url = z.url({ protocol: /^https?$/ });
const count = z.string().regex(/^\d+$/, { message: 'must be a whole number' });

export const GeminiConfig = z.object({
  /** The Cloud project whose keys (and, with geminiApiKey, Gemini files) are scanned: id or number. */
  projectId: z.string().regex(/^(?:[a-z][a-z0-9.:-]{4,61}[a-z0-9]|\d{6,20})$/, {
    message: 'projectId must be a Google Cloud project id (my-project-123) or project number',
  }),
  /** Token endpoint for the service account's JWT grant. Default: Google's, or `<base URL>/token` with a base URL. */
  tokenUrl: url.optional(),
  /** API Keys API root; `--base-url` sets it (googleapis keeps only the origin). */
  apiKeysRootUrl: url.optional(),
  /** Gemini API base URL (without /v1beta); `--base-url` sets it. */
  geminiBaseUrl: url.optional(),
  /** Requests in flight per connection (default 4). */
  concurrency: count.optional(),
  /** Base of the retry backoff in ms (default 1000); the sandbox tests set 1. */
  retryBaseMs: count.optional(),
});
export type GeminiConfig = z.infer<typeof GeminiConfig>;
