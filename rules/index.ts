/**
 * The rule catalog: every rule, listed explicitly and alphabetically. A conformance test checks
 * this list equals the files on disk and that ids match paths.
 */
import anthropicHighPrivilegeInvite from './anthropic/high-privilege-invite.ts';
import anthropicKeyNotRotated from './anthropic/key-not-rotated.ts';
import anthropicKeyOwnerRemoved from './anthropic/key-owner-removed.ts';
import anthropicKeyUnused from './anthropic/key-unused.ts';
import anthropicKeyWithoutExpiry from './anthropic/key-without-expiry.ts';
import anthropicStaleInvite from './anthropic/stale-invite.ts';
import anthropicTooManyAdmins from './anthropic/too-many-admins.ts';
import anthropicWorkspaceUnapprovedToolUse from './anthropic/workspace-unapproved-tool-use.ts';
import commonDlpFileAiUpload from './common/dlp-file-ai-upload.ts';
import commonDlpFileExternalEdit from './common/dlp-file-external-edit.ts';
import commonDlpFileExternalView from './common/dlp-file-external-view.ts';
import commonDlpFileOrgWide from './common/dlp-file-org-wide.ts';
import commonDlpFilePublicEdit from './common/dlp-file-public-edit.ts';
import commonDlpFilePublicView from './common/dlp-file-public-view.ts';
import commonFileDomainEdit from './common/file-domain-edit.ts';
import commonFileDomainView from './common/file-domain-view.ts';
import commonFileExternalEdit from './common/file-external-edit.ts';
import commonFileExternalView from './common/file-external-view.ts';
import commonFilePublicEdit from './common/file-public-edit.ts';
import commonFilePublicView from './common/file-public-view.ts';
import commonShadowAiGrantUnapproved from './common/shadow-ai-grant-unapproved.ts';
import commonShadowAiTenantWideGrant from './common/shadow-ai-tenant-wide-grant.ts';
import type { Rule } from './define-rule.ts';
import geminiApiKeyAllApis from './gemini/api-key-all-apis.ts';
import geminiApiKeyNotRotated from './gemini/api-key-not-rotated.ts';
import geminiApiKeyUnrestricted from './gemini/api-key-unrestricted.ts';
import githubActionsAllActionsAllowed from './github/actions-all-actions-allowed.ts';
import githubActionsWorkflowTokenCanWrite from './github/actions-workflow-token-can-write.ts';
import githubAppInstallationAllReposWrite from './github/app-installation-all-repos-write.ts';
import githubCopilotPublicCodeSuggestionsAllowed from './github/copilot-public-code-suggestions-allowed.ts';
import githubDeployKeyUnused from './github/deploy-key-unused.ts';
import githubDeployKeyWriteAccess from './github/deploy-key-write-access.ts';
import githubFineGrainedPatUnused from './github/fine-grained-pat-unused.ts';
import githubFineGrainedPatWithoutExpiry from './github/fine-grained-pat-without-expiry.ts';
import githubMemberWithoutTwoFa from './github/member-without-2fa.ts';
import githubOrgBasePermissionTooBroad from './github/org-base-permission-too-broad.ts';
import githubOrgMembersCanCreatePublicRepos from './github/org-members-can-create-public-repos.ts';
import githubOrgTooManyOwners from './github/org-too-many-owners.ts';
import githubOrgTwoFactorNotRequired from './github/org-two-factor-not-required.ts';
import githubOutsideCollaboratorWithoutTwoFa from './github/outside-collaborator-without-2fa.ts';
import githubPublicRepoWithoutSecretScanning from './github/public-repo-without-secret-scanning.ts';
import githubSamlCredentialAdminScopes from './github/saml-credential-admin-scopes.ts';
import githubSamlCredentialUnused from './github/saml-credential-unused.ts';
import githubSamlCredentialWithoutExpiry from './github/saml-credential-without-expiry.ts';
import githubSecretScanningAlertOpen from './github/secret-scanning-alert-open.ts';
import githubWebhookInsecureUrl from './github/webhook-insecure-url.ts';
import githubWebhookSslVerificationDisabled from './github/webhook-ssl-verification-disabled.ts';
import githubWebhookWithoutSecret from './github/webhook-without-secret.ts';
import googleWorkspaceAdminWithoutTwoSv from './google-workspace/admin-without-2sv.ts';
import googleWorkspaceAppDocsCalendarAccess from './google-workspace/app-docs-calendar-access.ts';
import googleWorkspaceAppDriveOrGmailAccess from './google-workspace/app-drive-or-gmail-access.ts';
import googleWorkspaceAppSignInOnly from './google-workspace/app-sign-in-only.ts';
import googleWorkspaceDriveAnyoneWithLinkAllowed from './google-workspace/drive-anyone-with-link-allowed.ts';
import googleWorkspaceDriveDefaultAccessNotPrivate from './google-workspace/drive-default-access-not-private.ts';
import googleWorkspaceDriveExternalSharingUnrestricted from './google-workspace/drive-external-sharing-unrestricted.ts';
import googleWorkspaceDriveExternalSharingWithoutWarning from './google-workspace/drive-external-sharing-without-warning.ts';
import googleWorkspaceDriveNonGoogleInvitesAllowed from './google-workspace/drive-non-google-invites-allowed.ts';
import googleWorkspaceDriveSdkEnabled from './google-workspace/drive-sdk-enabled.ts';
import googleWorkspaceDriveSharedDriveManagersOverride from './google-workspace/drive-shared-drive-managers-override.ts';
import googleWorkspaceFileExternalShareWithoutExpiry from './google-workspace/file-external-share-without-expiry.ts';
import googleWorkspaceFileSharedToPersonalAccount from './google-workspace/file-shared-to-personal-account.ts';
import googleWorkspaceGeminiLicenseOnSuspendedUser from './google-workspace/gemini-license-on-suspended-user.ts';
import googleWorkspaceGeminiLicensedAdminWithoutTwoSv from './google-workspace/gemini-licensed-admin-without-2sv.ts';
import googleWorkspaceGeminiLicensedUserWithoutTwoSv from './google-workspace/gemini-licensed-user-without-2sv.ts';
import googleWorkspaceGeminiUserWithoutTwoSv from './google-workspace/gemini-user-without-2sv.ts';
import googleWorkspaceInactiveAdmin from './google-workspace/inactive-admin.ts';
import googleWorkspaceInactiveUser from './google-workspace/inactive-user.ts';
import googleWorkspaceInternalAppsTrusted from './google-workspace/internal-apps-trusted.ts';
import googleWorkspaceLessSecureAppsAllowed from './google-workspace/less-secure-apps-allowed.ts';
import googleWorkspaceMarketplaceAppsUnrestricted from './google-workspace/marketplace-apps-unrestricted.ts';
import googleWorkspaceSuperAdminCount from './google-workspace/super-admin-count.ts';
import googleWorkspaceSuspendedUserHoldsGrants from './google-workspace/suspended-user-holds-grants.ts';
import googleWorkspaceTakeoutEnabled from './google-workspace/takeout-enabled.ts';
import googleWorkspaceUnconfiguredThirdPartyAppsAllowed from './google-workspace/unconfigured-third-party-apps-allowed.ts';
import googleWorkspaceUserWithoutTwoSv from './google-workspace/user-without-2sv.ts';
import microsoft365AdminConsentWorkflowDisabled from './microsoft-365/admin-consent-workflow-disabled.ts';
import microsoft365AdminWithoutMfa from './microsoft-365/admin-without-mfa.ts';
import microsoft365AppCertificateLifetimeOver365Days from './microsoft-365/app-certificate-lifetime-over-365-days.ts';
import microsoft365AppCredentialExpiring from './microsoft-365/app-credential-expiring.ts';
import microsoft365AppSecretLifetimeOver180Days from './microsoft-365/app-secret-lifetime-over-180-days.ts';
import microsoft365GuestWithPrivilegedRole from './microsoft-365/guest-with-privileged-role.ts';
import microsoft365InactiveAdmin from './microsoft-365/inactive-admin.ts';
import microsoft365InactiveUser from './microsoft-365/inactive-user.ts';
import microsoft365SecretOnPrivilegedApp from './microsoft-365/secret-on-privileged-app.ts';
import microsoft365SharepointAnyoneLinkExpiry from './microsoft-365/sharepoint-anyone-link-expiry.ts';
import microsoft365SharepointDefaultLinkNotSpecificPeople from './microsoft-365/sharepoint-default-link-not-specific-people.ts';
import microsoft365SharepointDefaultLinkPermissionEdit from './microsoft-365/sharepoint-default-link-permission-edit.ts';
import microsoft365SharepointExternalSharingTooBroad from './microsoft-365/sharepoint-external-sharing-too-broad.ts';
import microsoft365TenantWideGrantHighRisk from './microsoft-365/tenant-wide-grant-high-risk.ts';
import microsoft365UnverifiedAppHighRiskPermissions from './microsoft-365/unverified-app-high-risk-permissions.ts';
import microsoft365UserWithoutMfa from './microsoft-365/user-without-mfa.ts';
import microsoft365UsersCanConsentToApps from './microsoft-365/users-can-consent-to-apps.ts';
import microsoft365UsersCanRegisterApps from './microsoft-365/users-can-register-apps.ts';
import openaiAdminKeyNotRotated from './openai/admin-key-not-rotated.ts';
import openaiAdminKeyUnused from './openai/admin-key-unused.ts';
import openaiAssistantRiskyToolUnapproved from './openai/assistant-risky-tool-unapproved.ts';
import openaiHighPrivilegeInvite from './openai/high-privilege-invite.ts';
import openaiInactiveUser from './openai/inactive-user.ts';
import openaiKeyOwnerRemoved from './openai/key-owner-removed.ts';
import openaiModelAllowListAbsent from './openai/model-allow-list-absent.ts';
import openaiProjectKeyNotRotated from './openai/project-key-not-rotated.ts';
import openaiProjectKeyUnused from './openai/project-key-unused.ts';
import openaiProjectRiskyToolEnabled from './openai/project-risky-tool-enabled.ts';
import openaiStaleInvite from './openai/stale-invite.ts';
import openaiTooManyOwners from './openai/too-many-owners.ts';
import openaiVectorStoreWithoutExpiry from './openai/vector-store-without-expiry.ts';
import openaiZeroDataRetentionOff from './openai/zero-data-retention-off.ts';

export const rules: Rule[] = [
  anthropicHighPrivilegeInvite,
  anthropicKeyNotRotated,
  anthropicKeyOwnerRemoved,
  anthropicKeyUnused,
  anthropicKeyWithoutExpiry,
  anthropicStaleInvite,
  anthropicTooManyAdmins,
  anthropicWorkspaceUnapprovedToolUse,
  commonDlpFileAiUpload,
  commonDlpFileExternalEdit,
  commonDlpFileExternalView,
  commonDlpFileOrgWide,
  commonDlpFilePublicEdit,
  commonDlpFilePublicView,
  commonFileDomainEdit,
  commonFileDomainView,
  commonFileExternalEdit,
  commonFileExternalView,
  commonFilePublicEdit,
  commonFilePublicView,
  commonShadowAiGrantUnapproved,
  commonShadowAiTenantWideGrant,
  geminiApiKeyAllApis,
  geminiApiKeyNotRotated,
  geminiApiKeyUnrestricted,
  githubActionsAllActionsAllowed,
  githubActionsWorkflowTokenCanWrite,
  githubAppInstallationAllReposWrite,
  githubCopilotPublicCodeSuggestionsAllowed,
  githubDeployKeyUnused,
  githubDeployKeyWriteAccess,
  githubFineGrainedPatUnused,
  githubFineGrainedPatWithoutExpiry,
  githubMemberWithoutTwoFa,
  githubOrgBasePermissionTooBroad,
  githubOrgMembersCanCreatePublicRepos,
  githubOrgTooManyOwners,
  githubOrgTwoFactorNotRequired,
  githubOutsideCollaboratorWithoutTwoFa,
  githubPublicRepoWithoutSecretScanning,
  githubSamlCredentialAdminScopes,
  githubSamlCredentialUnused,
  githubSamlCredentialWithoutExpiry,
  githubSecretScanningAlertOpen,
  githubWebhookInsecureUrl,
  githubWebhookSslVerificationDisabled,
  githubWebhookWithoutSecret,
  googleWorkspaceAdminWithoutTwoSv,
  googleWorkspaceAppDocsCalendarAccess,
  googleWorkspaceAppDriveOrGmailAccess,
  googleWorkspaceAppSignInOnly,
  googleWorkspaceDriveAnyoneWithLinkAllowed,
  googleWorkspaceDriveDefaultAccessNotPrivate,
  googleWorkspaceDriveExternalSharingUnrestricted,
  googleWorkspaceDriveExternalSharingWithoutWarning,
  googleWorkspaceDriveNonGoogleInvitesAllowed,
  googleWorkspaceDriveSdkEnabled,
  googleWorkspaceDriveSharedDriveManagersOverride,
  googleWorkspaceFileExternalShareWithoutExpiry,
  googleWorkspaceFileSharedToPersonalAccount,
  googleWorkspaceGeminiLicenseOnSuspendedUser,
  googleWorkspaceGeminiLicensedAdminWithoutTwoSv,
  googleWorkspaceGeminiLicensedUserWithoutTwoSv,
  googleWorkspaceGeminiUserWithoutTwoSv,
  googleWorkspaceInactiveAdmin,
  googleWorkspaceInactiveUser,
  googleWorkspaceInternalAppsTrusted,
  googleWorkspaceLessSecureAppsAllowed,
  googleWorkspaceMarketplaceAppsUnrestricted,
  googleWorkspaceSuperAdminCount,
  googleWorkspaceSuspendedUserHoldsGrants,
  googleWorkspaceTakeoutEnabled,
  googleWorkspaceUnconfiguredThirdPartyAppsAllowed,
  googleWorkspaceUserWithoutTwoSv,
  microsoft365AdminConsentWorkflowDisabled,
  microsoft365AdminWithoutMfa,
  microsoft365AppCertificateLifetimeOver365Days,
  microsoft365AppCredentialExpiring,
  microsoft365AppSecretLifetimeOver180Days,
  microsoft365GuestWithPrivilegedRole,
  microsoft365InactiveAdmin,
  microsoft365InactiveUser,
  microsoft365SecretOnPrivilegedApp,
  microsoft365SharepointAnyoneLinkExpiry,
  microsoft365SharepointDefaultLinkNotSpecificPeople,
  microsoft365SharepointDefaultLinkPermissionEdit,
  microsoft365SharepointExternalSharingTooBroad,
  microsoft365TenantWideGrantHighRisk,
  microsoft365UnverifiedAppHighRiskPermissions,
  microsoft365UserWithoutMfa,
  microsoft365UsersCanConsentToApps,
  microsoft365UsersCanRegisterApps,
  openaiAdminKeyNotRotated,
  openaiAdminKeyUnused,
  openaiAssistantRiskyToolUnapproved,
  openaiHighPrivilegeInvite,
  openaiInactiveUser,
  openaiKeyOwnerRemoved,
  openaiModelAllowListAbsent,
  openaiProjectKeyNotRotated,
  openaiProjectKeyUnused,
  openaiProjectRiskyToolEnabled,
  openaiStaleInvite,
  openaiTooManyOwners,
  openaiVectorStoreWithoutExpiry,
  openaiZeroDataRetentionOff,
];
