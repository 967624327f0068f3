/**
 * Cloud Identity Policy API data for the Google simulator: one root-OU policy per setting type
 * the settings rules read (plus a few unrelated ones), and ADMIN overrides on child OUs and a
 * group with higher sort orders, as the Admin console creates them. Every tenant carries the
 * same planted violations (one per settings rule, next to compliant look-alikes); only policy
 * names and unrelated values vary with the seed.
 *
 * `findGoogleSettingViolations` is the oracle: it derives the violations from the policy data
 * with the criteria the rules document (CISA ScubaGoggles' Policy API checks), so a test that
 * edits a policy reads the expected findings from here.
 */
import type { Random } from '../random.ts';
import type { GooglePolicy, GoogleTenant } from './types.ts';

/** Org unit ids by path (the paths the generated users live in). */
export const ORG_UNIT_IDS = {
  '/': '03ph8a2z1',
  '/Engineering': '03ph8a2z2kq7b1e',
  '/Sales': '03ph8a2z3m1c9sa',
  '/Finance': '03ph8a2z0fn4x2c',
  '/Contractors': '03ph8a2z4c7tr0q',
} as const;
export type OrgUnitPath = keyof typeof ORG_UNIT_IDS;
export const ROOT_ORG_UNIT_ID = ORG_UNIT_IDS['/'];
/** A configuration group with its own less-secure-apps override. */
export const POLICY_GROUP_ID = '01ci93xb3tmzyin';

interface PolicySpec {
  type: string;
  where: OrgUnitPath | { group: string };
  value: Record<string, unknown>;
  system?: boolean;
}

const ROOT_EXTERNAL_SHARING = {
  externalSharingMode: 'ALLOWLISTED_DOMAINS',
  allowReceivingExternalFiles: false,
  warnForSharingOutsideAllowlistedDomains: true,
  allowReceivingFilesOutsideAllowlistedDomains: false,
  allowNonGoogleInvitesInAllowlistedDomains: false,
  warnForExternalSharing: true,
  allowNonGoogleInvites: false,
  allowPublishingFiles: false,
  accessCheckerSuggestions: 'RECIPIENTS_ONLY',
  allowedPartiesForDistributingContent: 'NONE',
};

/** Comments name the rule a policy violates, or the rule it looks like but does not violate. */
function specs(random: Random): PolicySpec[] {
  const sharing = 'settings/drive_and_docs.external_sharing';
  return [
    // Root: allowlisted domains with warnings, no publishing: compliant with 1.1–1.5.
    { type: sharing, where: '/', value: ROOT_EXTERNAL_SHARING },
    // drive-external-sharing-unrestricted + drive-external-sharing-without-warning.
    {
      type: sharing,
      where: '/Sales',
      value: {
        ...ROOT_EXTERNAL_SHARING,
        externalSharingMode: 'ALLOWED',
        warnForExternalSharing: false,
        allowReceivingExternalFiles: true,
      },
    },
    // drive-external-sharing-unrestricted + drive-non-google-invites-allowed + drive-anyone-with-link-allowed.
    {
      type: sharing,
      where: '/Contractors',
      value: {
        ...ROOT_EXTERNAL_SHARING,
        externalSharingMode: 'ALLOWED',
        allowNonGoogleInvites: true,
        allowPublishingFiles: true,
      },
    },
    // Look-alike: lax sub-settings, but sharing outside the domain is off, so none apply.
    {
      type: sharing,
      where: '/Engineering',
      value: {
        ...ROOT_EXTERNAL_SHARING,
        externalSharingMode: 'DISALLOWED',
        warnForExternalSharing: false,
        allowNonGoogleInvites: true,
        allowPublishingFiles: true,
      },
    },
    // Look-alike: a partial override that touches no field the rules read.
    { type: sharing, where: '/Finance', value: { allowReceivingExternalFiles: false } },

    {
      type: 'settings/drive_and_docs.general_access_default',
      where: '/',
      value: { defaultFileAccess: 'PRIVATE_TO_OWNER' },
    },
    // drive-default-access-not-private.
    {
      type: 'settings/drive_and_docs.general_access_default',
      where: '/Engineering',
      value: { defaultFileAccess: 'PRIMARY_AUDIENCE_WITH_LINK' },
    },
    {
      type: 'settings/drive_and_docs.general_access_default',
      where: '/Finance',
      value: { defaultFileAccess: 'PRIVATE_TO_OWNER' },
    },

    // drive-shared-drive-managers-override (root), fixed on /Engineering.
    {
      type: 'settings/drive_and_docs.shared_drive_creation',
      where: '/',
      value: {
        allowSharedDriveCreation: true,
        orgUnitForNewSharedDrives: 'CREATOR_ORG_UNIT',
        allowManagersToOverrideSettings: true,
        allowExternalUserAccess: false,
        allowNonMemberAccess: true,
        allowedPartiesForDownloadPrintCopy: 'EDITORS_ONLY',
        allowContentManagersToShareFolders: false,
      },
    },
    {
      type: 'settings/drive_and_docs.shared_drive_creation',
      where: '/Engineering',
      value: {
        allowSharedDriveCreation: true,
        orgUnitForNewSharedDrives: 'CREATOR_ORG_UNIT',
        allowManagersToOverrideSettings: false,
        allowExternalUserAccess: false,
        allowNonMemberAccess: true,
        allowedPartiesForDownloadPrintCopy: 'ALL',
        allowContentManagersToShareFolders: true,
      },
    },

    { type: 'settings/drive_and_docs.drive_sdk', where: '/', value: { enableDriveSdkApiAccess: false } },
    // drive-sdk-enabled.
    {
      type: 'settings/drive_and_docs.drive_sdk',
      where: '/Engineering',
      value: { enableDriveSdkApiAccess: true },
    },

    {
      type: 'settings/api_controls.unconfigured_third_party_apps',
      where: '/',
      value: { accessLevel: 'BLOCK_ALL_SCOPES', accessLevelUnder18: 'BLOCK_ALL_SCOPES' },
    },
    // unconfigured-third-party-apps-allowed.
    {
      type: 'settings/api_controls.unconfigured_third_party_apps',
      where: '/Contractors',
      value: { accessLevel: 'ALLOW_SIGN_IN_SCOPES_ONLY', accessLevelUnder18: 'BLOCK_ALL_SCOPES' },
    },

    // internal-apps-trusted (root); /Finance does not trust them.
    { type: 'settings/api_controls.internal_apps', where: '/', value: { trustInternalApps: true } },
    { type: 'settings/api_controls.internal_apps', where: '/Finance', value: { trustInternalApps: false } },

    {
      type: 'settings/security.less_secure_apps',
      where: '/',
      value: { allowLessSecureApps: false },
      system: true,
    },
    // less-secure-apps-allowed, for a configuration group.
    {
      type: 'settings/security.less_secure_apps',
      where: { group: POLICY_GROUP_ID },
      value: { allowLessSecureApps: true },
    },

    // marketplace-apps-unrestricted: allowlisted apps, but every internal app is allowed too.
    {
      type: 'settings/workspace_marketplace.apps_access_options',
      where: '/',
      value: { accessLevel: 'ALLOW_LISTED_APPS', allowAllInternalApps: true },
    },
    {
      type: 'settings/workspace_marketplace.apps_access_options',
      where: '/Finance',
      value: { accessLevel: 'ALLOW_NONE', allowAllInternalApps: true },
    },

    { type: 'settings/takeout.service_status', where: '/', value: { serviceState: 'DISABLED' } },
    // takeout-enabled.
    { type: 'settings/takeout.service_status', where: '/Sales', value: { serviceState: 'ENABLED' } },
    { type: 'settings/youtube.user_takeout', where: '/', value: { takeoutStatus: 'DISABLED' } },
    // takeout-enabled (an app with its own Takeout control).
    { type: 'settings/photos.user_takeout', where: '/Engineering', value: { takeoutStatus: 'ENABLED' } },

    // Unrelated settings.
    {
      type: 'settings/drive_and_docs.service_status',
      where: '/',
      value: { serviceState: 'ENABLED' },
      system: true,
    },
    { type: 'settings/gmail.service_status', where: '/', value: { serviceState: 'ENABLED' }, system: true },
    {
      type: 'settings/security.password',
      where: '/',
      value: {
        allowedStrength: 'STRONG',
        minimumLength: random.int(8, 16),
        maximumLength: 100,
        enforceRequirementsAtLogin: true,
        allowReuse: false,
        expirationDuration: '0s',
      },
    },
    {
      type: 'settings/security.session_controls',
      where: '/',
      value: { webSessionDuration: `${random.pick([14, 24, 336]) * 3600}s` },
    },
    {
      type: 'settings/calendar.external_invitations',
      where: '/Sales',
      value: { warnOnInvite: random.chance(0.5) },
    },
  ];
}

const orgUnitClause = (id: string) =>
  `entity.org_units.exists(org_unit, org_unit.org_unit_id == orgUnitId('${id}'))`;
const groupClause = (id: string) => `entity.groups.exists(group, group.group_id == groupId('${id}'))`;

/** The tenant's policies, ordered by setting type and then sort order (as `policies.list` pages them). */
export function generateGooglePolicies(random: Random, customerId: string): GooglePolicy[] {
  const all = specs(random.fork('values'));
  const names = random.fork('names');
  const sortOrders = new Map<string, number>();
  const policies = all.map((spec): GooglePolicy => {
    // Sort orders are per setting type: root first, overrides after it in listing order.
    const sortOrder = (sortOrders.get(spec.type) ?? 0) + 1;
    sortOrders.set(spec.type, sortOrder);
    const group = typeof spec.where === 'string' ? undefined : spec.where.group;
    const orgUnit = typeof spec.where === 'string' ? ORG_UNIT_IDS[spec.where] : ROOT_ORG_UNIT_ID;
    return {
      name: `policies/${names.token(29, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
      customer: `customers/${customerId}`,
      policyQuery: {
        query: group ? groupClause(group) : orgUnitClause(orgUnit),
        orgUnit: `orgUnits/${orgUnit}`,
        ...(group ? { group: `groups/${group}` } : {}),
        sortOrder,
      },
      setting: { type: spec.type, value: structuredClone(spec.value) },
      type: spec.system ? 'SYSTEM' : 'ADMIN',
    };
  });
  return policies.sort(
    (a, b) =>
      a.setting.type.localeCompare(b.setting.type) || a.policyQuery.sortOrder - b.policyQuery.sortOrder,
  );
}

// ---------------------------------------------------------------------------------------------
// Oracle

/** Defaults Google documents for fields missing from a root-OU policy (ScubaGoggles applies the same). */
const ROOT_DEFAULTS: Record<string, Record<string, unknown>> = {
  'drive_and_docs.external_sharing': {
    externalSharingMode: 'ALLOWED',
    warnForExternalSharing: true,
    warnForSharingOutsideAllowlistedDomains: true,
    allowNonGoogleInvites: true,
    allowNonGoogleInvitesInAllowlistedDomains: false,
    allowPublishingFiles: true,
  },
  'drive_and_docs.drive_sdk': { enableDriveSdkApiAccess: true },
  'security.less_secure_apps': { allowLessSecureApps: false },
  'workspace_marketplace.apps_access_options': { accessLevel: 'ALLOW_ALL', allowAllInternalApps: false },
};

type Verdict = 'violation' | 'unknown' | 'ok';
type Check = (read: (field: string) => unknown) => Verdict;

const when = (ok: boolean): Verdict => (ok ? 'ok' : 'violation');

/** Sharing sub-setting that matters only while sharing outside the domain is on. */
function gated(fieldFor: (mode: unknown) => string, bad: (value: unknown) => boolean): Check {
  return (read) => {
    const mode = read('externalSharingMode');
    if (mode === 'DISALLOWED') return 'ok';
    if (mode === undefined) {
      // The mode is inherited; a bad sub-setting here may or may not be in force.
      const fields = [fieldFor('ALLOWED'), fieldFor('ALLOWLISTED_DOMAINS')];
      return fields.some((field) => read(field) !== undefined && bad(read(field))) ? 'unknown' : 'ok';
    }
    const value = read(fieldFor(mode));
    return value === undefined ? 'unknown' : when(!bad(value));
  };
}

const single =
  (field: string, compliant: (value: unknown) => boolean): Check =>
  (read) => {
    const value = read(field);
    return value === undefined ? 'unknown' : when(compliant(value));
  };

const RULES: Array<{ ruleId: string; types: RegExp; check: Check }> = [
  {
    ruleId: 'google-workspace/drive-external-sharing-unrestricted',
    types: /^drive_and_docs\.external_sharing$/,
    check: single('externalSharingMode', (v) => v === 'DISALLOWED' || v === 'ALLOWLISTED_DOMAINS'),
  },
  {
    ruleId: 'google-workspace/drive-external-sharing-without-warning',
    types: /^drive_and_docs\.external_sharing$/,
    check: gated(
      (mode) =>
        mode === 'ALLOWLISTED_DOMAINS' ? 'warnForSharingOutsideAllowlistedDomains' : 'warnForExternalSharing',
      (v) => v !== true,
    ),
  },
  {
    ruleId: 'google-workspace/drive-non-google-invites-allowed',
    types: /^drive_and_docs\.external_sharing$/,
    check: gated(
      (mode) =>
        mode === 'ALLOWLISTED_DOMAINS'
          ? 'allowNonGoogleInvitesInAllowlistedDomains'
          : 'allowNonGoogleInvites',
      (v) => v !== false,
    ),
  },
  {
    ruleId: 'google-workspace/drive-anyone-with-link-allowed',
    types: /^drive_and_docs\.external_sharing$/,
    check: gated(
      () => 'allowPublishingFiles',
      (v) => v !== false,
    ),
  },
  {
    ruleId: 'google-workspace/drive-default-access-not-private',
    types: /^drive_and_docs\.general_access_default$/,
    check: single('defaultFileAccess', (v) => v === 'PRIVATE_TO_OWNER'),
  },
  {
    ruleId: 'google-workspace/drive-shared-drive-managers-override',
    types: /^drive_and_docs\.shared_drive_creation$/,
    check: single('allowManagersToOverrideSettings', (v) => v === false),
  },
  {
    ruleId: 'google-workspace/drive-sdk-enabled',
    types: /^drive_and_docs\.drive_sdk$/,
    check: single('enableDriveSdkApiAccess', (v) => v === false),
  },
  {
    ruleId: 'google-workspace/unconfigured-third-party-apps-allowed',
    types: /^api_controls\.unconfigured_third_party_apps$/,
    check: single('accessLevel', (v) => v === 'BLOCK_ALL_SCOPES'),
  },
  {
    ruleId: 'google-workspace/internal-apps-trusted',
    types: /^api_controls\.internal_apps$/,
    check: single('trustInternalApps', (v) => v === false),
  },
  {
    ruleId: 'google-workspace/less-secure-apps-allowed',
    types: /^security\.less_secure_apps$/,
    check: single('allowLessSecureApps', (v) => v === false),
  },
  {
    ruleId: 'google-workspace/marketplace-apps-unrestricted',
    types: /^workspace_marketplace\.apps_access_options$/,
    check: (read) => {
      const level = read('accessLevel');
      const internal = read('allowAllInternalApps');
      if (level === 'ALLOW_NONE') return 'ok';
      if (level === undefined) return internal === true ? 'unknown' : 'ok';
      if (level !== 'ALLOW_LISTED_APPS') return 'violation';
      return internal === undefined ? 'unknown' : when(internal === false);
    },
  },
  {
    ruleId: 'google-workspace/takeout-enabled',
    types: /^takeout\.service_status$/,
    check: single('serviceState', (v) => String(v).toUpperCase() === 'DISABLED'),
  },
  {
    ruleId: 'google-workspace/takeout-enabled',
    types: /^[a-z0-9_]+\.user_takeout$/,
    check: single('takeoutStatus', (v) => String(v).toUpperCase() === 'DISABLED'),
  },
];

/** Every settings rule the generator plants a violation for. */
export const SETTINGS_RULE_IDS = [...new Set(RULES.map((rule) => rule.ruleId))].sort();

export const googleSettingAssetKey = (policyName: string) => `google-workspace:setting:${policyName}`;

/**
 * The settings violations in a tenant's policies. A root-OU policy (no group) falls back to the
 * documented defaults for missing fields; an override (child OU or group) judges only what it
 * sets. A field that decides the verdict but is neither set nor defaulted counts as a violation
 * whose value is undisclosed, as the rules report it.
 */
export function findGoogleSettingViolations(
  tenant: GoogleTenant,
): Array<{ ruleId: string; assetKey: string }> {
  const found: Array<{ ruleId: string; assetKey: string }> = [];
  for (const policy of tenant.policies) {
    const type = policy.setting.type.replace(/^settings\//, '');
    const root = policy.policyQuery.orgUnit === `orgUnits/${ROOT_ORG_UNIT_ID}` && !policy.policyQuery.group;
    const read = (field: string) =>
      policy.setting.value[field] ?? (root ? ROOT_DEFAULTS[type]?.[field] : undefined) ?? undefined;
    for (const rule of RULES) {
      if (!rule.types.test(type)) continue;
      const verdict = rule.check(read);
      if (verdict === 'violation' || (verdict === 'unknown' && decides(rule.check, read, root))) {
        found.push({ ruleId: rule.ruleId, assetKey: googleSettingAssetKey(policy.name) });
      }
    }
  }
  return found;
}

/**
 * An unknown verdict counts on the root OU (the value is simply not disclosed) and on an
 * override that sets some field the check reads; an override that sets none of them inherits
 * the whole decision from its parent, which is judged on its own policy.
 */
function decides(check: Check, read: (field: string) => unknown, root: boolean): boolean {
  if (root) return true;
  const touched: string[] = [];
  check((field) => {
    const value = read(field);
    if (value !== undefined) touched.push(field);
    return value;
  });
  return touched.length > 0;
}
