/**
 * The rule catalog: every rule, listed explicitly and alphabetically. A conformance test checks
 * this list equals the files on disk and that ids match paths.
 */
import commonDlpFileAiUpload from './common/dlp-file-ai-upload.ts';
import commonDlpFileExternalEdit from './common/dlp-file-external-edit.ts';
import commonDlpFileExternalView from './common/dlp-file-external-view.ts';
import commonDlpFileOrgWide from './common/dlp-file-org-wide.ts';
import commonDlpFilePublicEdit from './common/dlp-file-public-edit.ts';
import commonDlpFilePublicView from './common/dlp-file-public-view.ts';
import commonShadowAiGrantUnapproved from './common/shadow-ai-grant-unapproved.ts';
import commonShadowAiTenantWideGrant from './common/shadow-ai-tenant-wide-grant.ts';
import type { Rule } from './define-rule.ts';
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

export const rules: Rule[] = [
  commonDlpFileAiUpload,
  commonDlpFileExternalEdit,
  commonDlpFileExternalView,
  commonDlpFileOrgWide,
  commonDlpFilePublicEdit,
  commonDlpFilePublicView,
  commonShadowAiGrantUnapproved,
  commonShadowAiTenantWideGrant,
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
];
