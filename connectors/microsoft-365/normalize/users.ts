/** Graph users + MFA registration + directory roles → identity assets (MODEL.md). */
import type { AssetInput } from '../../../scanner/model.ts';

export interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
  createdDateTime?: string | null;
  signInActivity?: {
    lastSignInDateTime?: string | null;
    lastSuccessfulSignInDateTime?: string | null;
  } | null;
}

export interface RegistrationDetail {
  id: string;
  isMfaRegistered?: boolean | null;
  isMfaCapable?: boolean | null;
  methodsRegistered?: string[] | null;
}

/** Directory roles that can change security settings, identities or data access tenant-wide. */
export const PRIVILEGED_ROLES = [
  'Global Administrator',
  'Privileged Role Administrator',
  'Privileged Authentication Administrator',
  'Security Administrator',
  'Exchange Administrator',
  'SharePoint Administrator',
  'User Administrator',
  'Application Administrator',
  'Cloud Application Administrator',
  'Conditional Access Administrator',
  'Helpdesk Administrator',
  'Authentication Administrator',
  'Billing Administrator',
];

export interface UserContext {
  observedAt: string;
  registration: Map<string, RegistrationDetail>;
  /** User id → display names of the directory roles they hold. */
  roles: Map<string, string[]>;
  /** The tenant is licensed for sign-in activity (the `$select` worked). */
  signInTracked: boolean;
}

function byPrivilege(a: string, b: string): number {
  const rank = (r: string) => {
    const i = PRIVILEGED_ROLES.indexOf(r);
    return i < 0 ? PRIVILEGED_ROLES.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function normalizeUser(user: GraphUser, context: UserContext): AssetInput {
  if (!user.id) throw new Error('microsoft-365 /users: a user without id');
  const roles = [...(context.roles.get(user.id) ?? [])].sort(byPrivilege);
  const registration = context.registration.get(user.id);
  const guest = user.userType === 'Guest';
  const activity = user.signInActivity;
  const upn = (user.userPrincipalName ?? user.mail ?? user.id).toLowerCase();
  return {
    provider: 'microsoft-365',
    kind: 'identity',
    externalId: user.id,
    name: user.displayName || upn,
    url: null,
    observedAt: context.observedAt,
    identityType: guest ? 'guest' : 'user',
    email: upn,
    role: roles[0] ?? null,
    isAdmin: roles.length > 0,
    mfaEnabled: typeof registration?.isMfaRegistered === 'boolean' ? registration.isMfaRegistered : null,
    suspended: user.accountEnabled === false,
    external: guest,
    lastLoginAt: activity?.lastSuccessfulSignInDateTime ?? activity?.lastSignInDateTime ?? null,
    createdAt: user.createdDateTime ?? null,
    attributes: {
      roles,
      privilegedRoles: roles.filter((r) => PRIVILEGED_ROLES.includes(r)),
      mfaCapable: registration?.isMfaCapable ?? null,
      methodsRegistered: registration?.methodsRegistered ?? [],
      signInTracked: context.signInTracked,
    },
  };
}
