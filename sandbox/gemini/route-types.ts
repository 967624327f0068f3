/**
 * What a simulator route declares and receives. API Keys routes are OAuth (bearer token +
 * IAM permission on the project); Gemini API routes are authenticated by an API key.
 */
import type { AccessGrant } from '../google/auth.ts';
import type { GeminiTenant, StoredKey } from './types.ts';
import type { GoogleReply } from './wire.ts';

export interface GeminiCall {
  params: Record<string, string>;
  query: URLSearchParams;
  tenant: GeminiTenant;
  origin: string;
  /** Page-size caps (the simulator's `pageLimits`). */
  pageLimits: { keys: number; files: number };
  /** OAuth routes: the bearer token's grant. */
  grant?: AccessGrant;
  /** OAuth routes: permissions the caller holds on the scanned project. */
  permissions: ReadonlySet<string>;
  /** API-key routes: the key the call was made with. */
  apiKey?: StoredKey;
}

export interface GeminiRoute {
  method: 'GET';
  template: string;
  auth: 'oauth' | 'api-key';
  handle(call: GeminiCall): GoogleReply;
}
