/**
 * What a Google route declares and receives. `scopes` lists the OAuth scopes any one of which
 * admits the call (as in the discovery documents); the dispatcher answers 403
 * insufficientPermissions for the rest, so the scanner's scope choice is tested.
 */
import type { AccessGrant, GoogleAuthState } from './auth.ts';
import type { GoogleTenant } from './types.ts';
import type { GoogleReply } from './wire.ts';

export interface GoogleCall {
  params: Record<string, string>;
  query: URLSearchParams;
  grant: AccessGrant;
  tenant: GoogleTenant;
  auth: GoogleAuthState;
}

export interface GoogleRoute {
  method: 'GET';
  template: string;
  scopes: readonly string[];
  handle(call: GoogleCall): GoogleReply;
}
