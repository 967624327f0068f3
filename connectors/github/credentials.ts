/**
 * What a GitHub connection stores. Two auth modes: a token (classic or fine-grained PAT of an
 * org owner) or a GitHub App (the recommended, read-only mode; the only one that can list
 * fine-grained PAT grants).
 */
import { z } from 'zod';

export const TokenCredentials = z.object({ token: z.string().min(1) });
export const AppCredentials = z.object({
  appId: z.union([z.string().min(1), z.number().int().positive()]),
  /** PEM private key of the App. */
  privateKey: z.string().min(1),
});

export const GitHubCredentials = z.union([TokenCredentials, AppCredentials]);
export type GitHubCredentials = z.infer<typeof GitHubCredentials>;

export const GitHubConfig = z.object({
  /** Organization login. */
  org: z.string().min(1),
  /** Installation of the App on the org; required with App credentials. */
  installationId: z.string().regex(/^\d+$/).optional(),
  /**
   * Base of every retry wait in milliseconds (default 1000: GitHub's seconds). Tests and the
   * sandbox set it to 1 so rate-limit and 5xx retries take milliseconds, with the same logic.
   */
  retryBaseMs: z.string().regex(/^\d+$/).optional(),
});
export type GitHubConfig = z.infer<typeof GitHubConfig>;

export function isAppCredentials(
  credentials: GitHubCredentials,
): credentials is z.infer<typeof AppCredentials> {
  return 'privateKey' in credentials;
}
