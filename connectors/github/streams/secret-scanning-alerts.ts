/**
 * secret-scanning-alerts: every alert (open and resolved, so a fixed alert resolves its
 * finding). `hide_secret=true` always: the plaintext secret must never leave GitHub.
 */
import { defineStream } from '../../../scanner/connector.ts';
import type { GitHubClient } from '../client.ts';
import { collectList } from '../collect-list.ts';
import { orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { GhSecretAlert, normalizeSecretAlert } from '../normalize/secret-alert.ts';

export const secretScanningAlertsStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'secret-scanning-alerts',
  kinds: ['setting'],
  collect: (ctx, checkpoint) =>
    collectList(
      ctx,
      'secret-scanning-alerts',
      {
        route: 'GET /orgs/{org}/secret-scanning/alerts',
        params: { org: orgOf(ctx), hide_secret: true },
        item: GhSecretAlert,
        notFound: {
          reason: 'secret_scanning_unavailable',
          message: 'secret scanning is not enabled for this org',
        },
      },
      normalizeSecretAlert,
      checkpoint,
    ),
});
