/**
 * Deterministic violations and their clean look-alikes, planted over the random background:
 * personas in reserved user slots (an admin without MFA next to one with it, a never-signed-in
 * user next to a new hire …), tenant settings loosened the way a default tenant is, third-party
 * apps with chosen grants (AI apps, verified and unverified publishers), app registrations with
 * chosen credential lifetimes, and chosen sharing and content on a few drive items. What does
 * not fit the tenant's size is skipped, along with what it plants.
 *
 * `violations` lists what was meant to fire; `clean` lists (rule, asset) pairs a look-alike must
 * not produce. The oracle (oracle.ts) derives the truth from the data; tests compare the two.
 * Rules a non-premium tenant cannot evidence (MFA registration, sign-in activity) are listed as
 * clean there: the scanner cannot report them.
 */
import type { Random } from '../random.ts';
import {
  type MicrosoftOracleRuleId,
  type MicrosoftPlanted,
  microsoftAssetKey,
  PREMIUM_RULES,
} from './asset-keys.ts';
import { roleTemplateNamed } from './catalog.ts';
import { iso } from './item-store.ts';
import { GUEST_PERSONAS, MEMBER_PERSONAS, PARTNER_DOMAIN, type Persona } from './personas.ts';
import { plantApplications, plantApps } from './plant-apps.ts';
import { plantItems } from './plant-items.ts';
import type { MicrosoftTenant, MsUser } from './types.ts';

const DAY = 86_400_000;

export interface MicrosoftPlantedSet {
  /** Findings the planted data is meant to produce (the oracle finds these and more: the background). */
  violations: MicrosoftPlanted[];
  /** Findings the look-alikes must NOT produce. */
  clean: MicrosoftPlanted[];
  /** Persona key → user id (only personas the tenant was big enough for). */
  users: Record<string, string>;
  /** Planted app key → service principal id. */
  apps: Record<string, string>;
  /** Planted grant key → oauth2PermissionGrant id or appRoleAssignment id. */
  grants: Record<string, string>;
  /** Planted app registration key → application object id. */
  applications: Record<string, string>;
  /** Planted item key → drive and item ids. */
  items: Record<string, { driveId: string; itemId: string }>;
}

export const emptyPlantedSet = (): MicrosoftPlantedSet => ({
  violations: [],
  clean: [],
  users: {},
  apps: {},
  grants: {},
  applications: {},
  items: {},
});

/** Collects what planting meant to fire and what must stay clean. */
export class Planter {
  readonly set = emptyPlantedSet();
  constructor(private readonly premium: boolean) {}

  note(
    assetKey: string,
    violations: readonly MicrosoftOracleRuleId[] = [],
    clean: readonly MicrosoftOracleRuleId[] = [],
  ) {
    for (const ruleId of violations) {
      const unseen = !this.premium && PREMIUM_RULES.includes(ruleId);
      this.set[unseen ? 'clean' : 'violations'].push({ ruleId, assetKey });
    }
    for (const ruleId of clean) this.set.clean.push({ ruleId, assetKey });
  }
}

export function plantViolations(tenant: MicrosoftTenant, random: Random, now: Date): MicrosoftPlantedSet {
  const planter = new Planter(tenant.premium);
  const personas = plantPersonas(tenant, planter, now.getTime());
  plantSettings(tenant, planter);
  plantApps(tenant, planter, random.fork('apps'), personas, now.getTime());
  plantApplications(tenant, planter, random.fork('applications'), now.getTime());
  plantItems(tenant, planter, random.fork('items'), personas, now.getTime());
  return planter.set;
}

function plantPersonas(tenant: MicrosoftTenant, planter: Planter, t: number): Map<string, MsUser> {
  const byKey = new Map<string, MsUser>();
  const place = (persona: Persona, index: number, guest: boolean) => {
    const user = tenant.users[index];
    if (!user) return;
    const mail = `${persona.local}@${guest ? PARTNER_DOMAIN : tenant.domain}`;
    const days = (d: number | null | undefined) => (d === null || d === undefined ? null : iso(t - d * DAY));
    const attempt = persona.lastAttempt === undefined ? persona.lastSuccess : persona.lastAttempt;
    const signedIn = persona.lastSuccess !== null || persona.legacySignIn;
    Object.assign(user, {
      displayName: `${persona.given} ${persona.family}`,
      givenName: persona.given,
      surname: persona.family,
      mail,
      userPrincipalName: guest ? `${persona.local}_${PARTNER_DOMAIN}#EXT#@${tenant.initialDomain}` : mail,
      accountEnabled: persona.enabled ?? true,
      createdDateTime: iso(t - (persona.created ?? 700) * DAY),
      signIn: signedIn
        ? {
            lastSignInDateTime: days(attempt),
            lastNonInteractiveSignInDateTime: persona.legacySignIn ? null : days(persona.lastSuccess),
            lastSuccessfulSignInDateTime: persona.legacySignIn ? null : days(persona.lastSuccess),
          }
        : null,
      mfa: {
        isMfaRegistered: persona.mfa,
        isMfaCapable: persona.mfa,
        methodsRegistered: persona.mfa ? ['microsoftAuthenticatorPush', 'mobilePhone'] : [],
      },
    } satisfies Partial<MsUser>);
    for (const role of tenant.roles) role.members = role.members.filter((m) => m !== index);
    for (const name of persona.roles ?? []) {
      const template = roleTemplateNamed(name);
      tenant.roles.find((r) => r.roleTemplateId === template.roleTemplateId)?.members.push(index);
    }
    byKey.set(persona.key, user);
    planter.set.users[persona.key] = user.id;
    planter.note(microsoftAssetKey.identity(user.id), persona.violations, persona.clean);
  };
  MEMBER_PERSONAS.forEach((p, i) => {
    place(p, 1 + i, false);
  });
  GUEST_PERSONAS.forEach((p, i) => {
    place(p, 1 + MEMBER_PERSONAS.length + i, true);
  });
  return byKey;
}

/** The tenant-wide settings a default tenant ships with: every settings rule fires. */
function plantSettings(tenant: MicrosoftTenant, planter: Planter): void {
  tenant.authorizationPolicy.defaultUserRolePermissions.allowedToCreateApps = true;
  tenant.authorizationPolicy.defaultUserRolePermissions.permissionGrantPoliciesAssigned = [
    'ManagePermissionGrantsForSelf.microsoft-user-default-legacy',
    'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team',
  ];
  tenant.authorizationPolicy.allowInvitesFrom = 'everyone';
  tenant.adminConsentRequestPolicy.isEnabled = false;
  Object.assign(tenant.sharepoint, {
    sharingCapability: 'externalUserAndGuestSharing',
    isResharingByExternalUsersEnabled: true,
    defaultSharingLinkType: 3,
    defaultLinkPermission: 2,
    requireAnonymousLinksExpireInDays: -1,
  } satisfies Partial<MicrosoftTenant['sharepoint']>);
  planter.note(microsoftAssetKey.setting('authorization_policy'), [
    'microsoft-365/users-can-consent-to-apps',
    'microsoft-365/users-can-register-apps',
  ]);
  planter.note(microsoftAssetKey.setting('admin_consent_request_policy'), [
    'microsoft-365/admin-consent-workflow-disabled',
  ]);
  planter.note(microsoftAssetKey.setting('sharepoint_settings'), [
    'microsoft-365/sharepoint-external-sharing-too-broad',
  ]);
  planter.note(microsoftAssetKey.setting('sharepoint_tenant'), [
    'microsoft-365/sharepoint-default-link-not-specific-people',
    'microsoft-365/sharepoint-default-link-permission-edit',
    'microsoft-365/sharepoint-anyone-link-expiry',
  ]);
}
