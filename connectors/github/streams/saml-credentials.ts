/** saml-credentials: credentials authorized for SAML SSO (GitHub Enterprise Cloud only). */
import { defineStream } from '../../../scanner/connector.ts';
import type { GitHubClient } from '../client.ts';
import { collectList } from '../collect-list.ts';
import { orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { GhCredentialAuthorization, normalizeCredentialAuthorization } from '../normalize/saml-credential.ts';

export const samlCredentialsStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'saml-credentials',
  kinds: ['oauth_grant'],
  collect: (ctx, checkpoint) =>
    collectList(
      ctx,
      'saml-credentials',
      {
        route: 'GET /orgs/{org}/credential-authorizations',
        params: { org: orgOf(ctx) },
        item: GhCredentialAuthorization,
        notFound: {
          reason: 'not_ghec',
          message: 'credential authorizations exist only for GitHub Enterprise Cloud orgs with SAML SSO',
        },
      },
      normalizeCredentialAuthorization,
      checkpoint,
    ),
});
