/**
 * The OAuth scopes each stream asks for, read-only where Google has a read-only scope
 * (research §1.1). Each stream mints its own token with only its scopes: a scope missing from
 * the domain-wide delegation then makes that stream unavailable, not the whole scan.
 */
const AUTH = 'https://www.googleapis.com/auth';

export const SCOPES = {
  directoryUsers: `${AUTH}/admin.directory.user.readonly`,
  /** tokens.list has no read-only variant. */
  directoryTokens: `${AUTH}/admin.directory.user.security`,
  reports: `${AUTH}/admin.reports.audit.readonly`,
  /** Metadata, permissions, changes and content; drives.list refuses the metadata scopes. */
  drive: `${AUTH}/drive.readonly`,
  policies: `${AUTH}/cloud-identity.policies.readonly`,
  /** Enterprise License Manager: Google offers no read-only scope for it. */
  licensing: `${AUTH}/apps.licensing`,
} as const;

/** Every scope the service account needs delegated, for the setup guide and `verify`. */
export const ALL_SCOPES: string[] = Object.values(SCOPES);
