/**
 * What a token may do. Reading a tenant's data needs `findings:read`; each kind of change needs
 * its own scope; `tenants:admin` (installation tokens only) lists and creates tenants.
 */
import { z } from 'zod';

export const scopes = [
  'tenants:admin',
  'connections:write',
  'scans:write',
  'findings:read',
  'findings:write',
  'policy:write',
  'exports:write',
] as const;

export const Scope = z.enum(scopes);
export type Scope = z.infer<typeof Scope>;

/** Scopes about managing the installation, which a token bound to one tenant cannot hold. */
export const installationScopes: readonly Scope[] = ['tenants:admin'];
