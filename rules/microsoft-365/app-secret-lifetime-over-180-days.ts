import { defineRule } from '../define-rule.ts';
import { credentialEvidence, isExpired, lifetimeDays } from '../microsoft-apps.ts';

interface Options extends Record<string, unknown> {
  /** The longest a client secret may be valid, in days (SCuBA: 180). */
  maxDays: number;
}

export default defineRule<'api_key', Options>({
  id: 'microsoft-365/app-secret-lifetime-over-180-days',
  title: 'Application client secrets are valid for 180 days or less',
  description:
    'A client secret of an Entra ID application is valid for more than 180 days (or never expires). A secret is a password for the app: it sits in config files, pipelines and vaults, is copied along when people and servers move, and a leaked one signs in as the app, with all its permissions and no MFA, until it expires.',
  remediation:
    'In the Microsoft Entra admin center open App registrations > the app > Certificates & secrets, add a new client secret that expires within 180 days (better: a certificate, a federated credential or a managed identity), deploy it, then delete the old secret. Enforce the limit tenant-wide with an app management policy restricting password lifetime (Microsoft Graph defaultAppManagementPolicy, passwordLifetime).',
  severity: 'medium',
  provider: 'microsoft-365',
  kind: 'api_key',
  streams: ['apps'],
  options: { maxDays: 180 },
  references: [
    'https://learn.microsoft.com/en-us/entra/identity-platform/security-best-practices-for-app-registration',
    'https://learn.microsoft.com/en-us/graph/api/resources/tenantappmanagementpolicy',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md',
  ],
  frameworks: { scuba: ['MS.AAD.5.6v1'], soc2: ['CC6.1'], iso27001: ['A.5.17'] },
  appliesTo: (asset) => asset.keyType === 'client_secret',
  evidenceAvailable: (asset) => lifetimeDays(asset) !== null,
  evaluate(asset, ctx) {
    // An expired secret signs nothing in; microsoft-365/app-credential-expiring reports it.
    if (isExpired(asset, ctx.now)) return null;
    const lifetime = lifetimeDays(asset);
    if (lifetime === null || lifetime <= ctx.options.maxDays) return null;
    return { evidence: { ...credentialEvidence(asset), maxDays: ctx.options.maxDays } };
  },
});
