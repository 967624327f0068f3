/**
 * What a GitHub route declares and receives. `access` encodes GitHub's token rules in one
 * place: which endpoints need an org owner, which only GitHub Apps may call, which need an
 * App JWT.
 */
import type { GitHubAuth, Identity } from './auth.ts';
import type { Reply } from './rest.ts';
import type { WireContext } from './serialize.ts';
import type { GitHubTenant } from './types.ts';

export type RouteAccess =
  /** Any member PAT or installation token. */
  | 'member'
  /** Org owner PAT or installation token. */
  | 'owner'
  /** Installation tokens only ("Only GitHub Apps can use this endpoint"). */
  | 'installation'
  /** App JWT only (`/app/...`, `/orgs/{org}/installation`). */
  | 'app'
  /** Any valid credential, JWT included. */
  | 'any';

export interface GitHubCall {
  params: Record<string, string>;
  query: URLSearchParams;
  url: URL;
  identity: Identity;
  tenant: GitHubTenant;
  wire: WireContext;
  auth: GitHubAuth;
  ghec: boolean;
  body: unknown;
}

export interface GitHubRoute {
  method: 'GET' | 'POST';
  template: string;
  access: RouteAccess;
  /** Served without spending the primary budget (`/rate_limit`). */
  free?: boolean;
  handle(call: GitHubCall): Reply;
}
