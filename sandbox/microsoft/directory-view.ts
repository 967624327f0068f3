/**
 * Directory objects as Graph v1.0 serialises them: users (with `signInActivity` only when
 * selected), service principals, oauth2PermissionGrants, appRoleAssignments, applications
 * (secretText and key always null in lists) and the registration report rows. Each serialiser
 * returns every property; routes narrow them with `$select`.
 */
import type {
  Application,
  AppRoleAssignment,
  DelegatedGrant,
  MicrosoftTenant,
  MsUser,
  ServicePrincipal,
} from './types.ts';

export const USER_DEFAULT_FIELDS = [
  'businessPhones',
  'displayName',
  'givenName',
  'id',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
] as const;

export const USER_FIELDS = [
  ...USER_DEFAULT_FIELDS,
  'accountEnabled',
  'createdDateTime',
  'department',
  'externalUserState',
  'mailNickname',
  'onPremisesSyncEnabled',
  'userType',
  'signInActivity',
  'deletedDateTime',
] as const;

export function serializeUser(user: MsUser, withSignIn: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    id: user.id,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    accountEnabled: user.accountEnabled,
    createdDateTime: user.createdDateTime,
    department: user.department,
    externalUserState: user.externalUserState,
    mailNickname: user.mail.split('@')[0],
    onPremisesSyncEnabled: null,
    userType: user.userType,
    deletedDateTime: null,
  };
  if (withSignIn) {
    const s = user.signIn;
    body.signInActivity = s
      ? {
          lastSignInDateTime: s.lastSignInDateTime,
          lastSignInRequestId: s.lastSignInDateTime ? requestIdFor(user.id, 'i') : null,
          lastNonInteractiveSignInDateTime: s.lastNonInteractiveSignInDateTime,
          lastNonInteractiveSignInRequestId: s.lastNonInteractiveSignInDateTime
            ? requestIdFor(user.id, 'n')
            : null,
          lastSuccessfulSignInDateTime: s.lastSuccessfulSignInDateTime,
          lastSuccessfulSignInRequestId: s.lastSuccessfulSignInDateTime ? requestIdFor(user.id, 's') : null,
        }
      : null;
  }
  return body;
}

function requestIdFor(id: string, kind: string): string {
  return `${id.slice(0, 24)}${kind.charCodeAt(0).toString(16).padStart(2, '0')}${id.slice(26)}`;
}

/** A user as a directory object inside `$expand=members` and `/members` lists. */
export function serializeMember(user: MsUser): Record<string, unknown> {
  const full = serializeUser(user, false);
  const out: Record<string, unknown> = { '@odata.type': '#microsoft.graph.user' };
  for (const field of USER_DEFAULT_FIELDS) out[field] = full[field];
  return out;
}

export const REGISTRATION_FIELDS = [
  'id',
  'userPrincipalName',
  'userDisplayName',
  'userType',
  'isAdmin',
  'isSsprRegistered',
  'isSsprEnabled',
  'isSsprCapable',
  'isMfaRegistered',
  'isMfaCapable',
  'isPasswordlessCapable',
  'isSystemPreferredAuthenticationMethodEnabled',
  'lastUpdatedDateTime',
  'methodsRegistered',
  'systemPreferredAuthenticationMethods',
  'userPreferredMethodForSecondaryAuthentication',
] as const;

export function serializeRegistration(tenant: MicrosoftTenant, user: MsUser): Record<string, unknown> {
  const methods = user.mfa.methodsRegistered;
  const strong = methods.filter((m) => m !== 'email');
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    userType: user.userType === 'Guest' ? 'guest' : 'member',
    isAdmin: tenant.roles.some((r) => r.members.includes(user.index)),
    isSsprRegistered: methods.length > 0,
    isSsprEnabled: true,
    isSsprCapable: methods.length > 0,
    isMfaRegistered: user.mfa.isMfaRegistered,
    isMfaCapable: user.mfa.isMfaCapable,
    isPasswordlessCapable: methods.includes('fido2'),
    isSystemPreferredAuthenticationMethodEnabled: true,
    lastUpdatedDateTime: user.signIn?.lastSuccessfulSignInDateTime ?? user.createdDateTime,
    methodsRegistered: [...methods],
    systemPreferredAuthenticationMethods: strong.length > 0 ? [strong[0] === 'fido2' ? 'Fido2' : 'Push'] : [],
    userPreferredMethodForSecondaryAuthentication: strong.length > 0 ? 'push' : 'none',
  };
}

export const SP_FIELDS = [
  'id',
  'appId',
  'displayName',
  'appDisplayName',
  'publisherName',
  'verifiedPublisher',
  'appOwnerOrganizationId',
  'servicePrincipalType',
  'accountEnabled',
  'appRoleAssignmentRequired',
  'signInAudience',
  'tags',
  'homepage',
  'replyUrls',
  'servicePrincipalNames',
  'appRoles',
  'oauth2PermissionScopes',
  'passwordCredentials',
  'keyCredentials',
  'deletedDateTime',
  'createdDateTime',
] as const;

export function serializeServicePrincipal(sp: ServicePrincipal): Record<string, unknown> {
  return {
    id: sp.id,
    appId: sp.appId,
    displayName: sp.displayName,
    appDisplayName: sp.displayName,
    publisherName: sp.publisherName,
    verifiedPublisher: { ...sp.verifiedPublisher },
    appOwnerOrganizationId: sp.appOwnerOrganizationId,
    servicePrincipalType: sp.servicePrincipalType,
    accountEnabled: sp.accountEnabled,
    appRoleAssignmentRequired: false,
    signInAudience: sp.signInAudience,
    tags: [...sp.tags],
    homepage: sp.homepage,
    replyUrls: sp.homepage ? [`${sp.homepage}/auth/callback`] : [],
    servicePrincipalNames: [sp.appId],
    appRoles: sp.appRoles.map((r) => ({
      allowedMemberTypes: ['Application'],
      description: `Allows the app to ${r.value} without a signed-in user.`,
      displayName: r.value,
      id: r.id,
      isEnabled: true,
      origin: 'Application',
      value: r.value,
    })),
    oauth2PermissionScopes: sp.oauth2PermissionScopes.map((value, n) => ({
      adminConsentDescription: `Allows the app to ${value} on behalf of the signed-in user.`,
      adminConsentDisplayName: value,
      id: `${sp.id.slice(0, 28)}${n.toString(16).padStart(8, '0')}`,
      isEnabled: true,
      type: 'User',
      value,
    })),
    passwordCredentials: [],
    keyCredentials: [],
    deletedDateTime: null,
    createdDateTime: sp.createdDateTime,
  };
}

export const GRANT_FIELDS = ['id', 'clientId', 'consentType', 'principalId', 'resourceId', 'scope'] as const;

export function serializeGrant(grant: DelegatedGrant): Record<string, unknown> {
  return {
    id: grant.id,
    clientId: grant.clientId,
    consentType: grant.consentType,
    principalId: grant.principalId,
    resourceId: grant.resourceId,
    scope: grant.scope,
  };
}

export const ASSIGNMENT_FIELDS = [
  'id',
  'deletedDateTime',
  'appRoleId',
  'createdDateTime',
  'principalDisplayName',
  'principalId',
  'principalType',
  'resourceDisplayName',
  'resourceId',
] as const;

export function serializeAssignment(tenant: MicrosoftTenant, a: AppRoleAssignment): Record<string, unknown> {
  const principal = tenant.servicePrincipals.find((s) => s.id === a.principalId);
  const resource = tenant.servicePrincipals.find((s) => s.id === a.resourceId);
  return {
    id: a.id,
    deletedDateTime: null,
    appRoleId: a.appRoleId,
    createdDateTime: a.createdDateTime,
    principalDisplayName: principal?.displayName ?? null,
    principalId: a.principalId,
    principalType: 'ServicePrincipal',
    resourceDisplayName: resource?.displayName ?? null,
    resourceId: a.resourceId,
  };
}

export const APPLICATION_FIELDS = [
  'id',
  'appId',
  'displayName',
  'signInAudience',
  'createdDateTime',
  'publisherDomain',
  'passwordCredentials',
  'keyCredentials',
  'deletedDateTime',
] as const;

export function serializeApplication(tenant: MicrosoftTenant, app: Application): Record<string, unknown> {
  return {
    id: app.id,
    appId: app.appId,
    displayName: app.displayName,
    signInAudience: app.signInAudience,
    createdDateTime: app.createdDateTime,
    publisherDomain: tenant.domain,
    deletedDateTime: null,
    passwordCredentials: app.passwordCredentials.map((p) => ({
      customKeyIdentifier: null,
      displayName: p.displayName,
      endDateTime: p.endDateTime,
      hint: p.hint,
      keyId: p.keyId,
      secretText: null,
      startDateTime: p.startDateTime,
    })),
    keyCredentials: app.keyCredentials.map((k) => ({
      customKeyIdentifier: k.customKeyIdentifier,
      displayName: k.displayName,
      endDateTime: k.endDateTime,
      key: null,
      keyId: k.keyId,
      startDateTime: k.startDateTime,
      type: k.type,
      usage: k.usage,
    })),
  };
}
