import { defineRule } from '../define-rule.ts';
import { credentialEvidence, isExpired } from '../microsoft-apps.ts';

export default defineRule({
  id: 'microsoft-365/secret-on-privileged-app',
  title: 'Privileged applications authenticate without client secrets',
  description:
    'An Entra ID application that holds a high-risk application permission (mail, files, sites, the directory or role management of every user, with no one signed in) authenticates with a client secret. A secret is a copyable string: whoever finds it in a repository, pipeline log or config file reads or changes tenant-wide data as the app, with no MFA and no user in the loop.',
  remediation:
    'Replace the secret with a certificate (private key in a hardware-backed store or Key Vault), a federated credential (workload identity federation) or, for Azure-hosted code, a managed identity; then delete the secret in the Microsoft Entra admin center under App registrations > the app > Certificates & secrets. Review whether the app needs those application permissions (Enterprise applications > the app > Permissions), and block new secrets with an app management policy (passwordAddition).',
  severity: 'high',
  provider: 'microsoft-365',
  kind: 'api_key',
  streams: ['apps'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity-platform/security-best-practices-for-app-registration',
    'https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md',
  ],
  frameworks: { scuba: ['MS.AAD.5.5v1'], soc2: ['CC6.1'], iso27001: ['A.5.17', 'A.8.2'] },
  appliesTo: (asset) => asset.keyType === 'client_secret',
  evaluate(asset, ctx) {
    if (asset.attributes.privileged !== true || isExpired(asset, ctx.now)) return null;
    return { evidence: { ...credentialEvidence(asset), privileged: true } };
  },
});
