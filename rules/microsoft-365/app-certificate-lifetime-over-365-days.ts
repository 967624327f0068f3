import { defineRule } from '../define-rule.ts';
import { credentialEvidence, isExpired, lifetimeDays } from '../microsoft-apps.ts';

interface Options extends Record<string, unknown> {
  /** The longest an application certificate may be valid, in days (SCuBA: 365). */
  maxDays: number;
}

export default defineRule<'api_key', Options>({
  id: 'microsoft-365/app-certificate-lifetime-over-365-days',
  title: 'Application certificates are valid for 365 days or less',
  description:
    'A certificate credential of an Entra ID application is valid for more than a year. The private key behind it signs the app in with all its permissions; the longer it is valid, the more copies, backups and former hosts of it exist, and a stolen key keeps working until the certificate expires or is removed.',
  remediation:
    'Issue a certificate valid for at most 365 days (from your PKI or Key Vault with automatic renewal), upload it in the Microsoft Entra admin center under App registrations > the app > Certificates & secrets, deploy it, then delete the old certificate. Enforce the limit with an app management policy restricting asymmetric key lifetime (Microsoft Graph defaultAppManagementPolicy, asymmetricKeyLifetime).',
  severity: 'low',
  provider: 'microsoft-365',
  kind: 'api_key',
  streams: ['apps'],
  options: { maxDays: 365 },
  references: [
    'https://learn.microsoft.com/en-us/entra/identity-platform/security-best-practices-for-app-registration',
    'https://learn.microsoft.com/en-us/graph/api/resources/tenantappmanagementpolicy',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md',
  ],
  frameworks: { scuba: ['MS.AAD.5.7v1'], soc2: ['CC6.1'], iso27001: ['A.5.17'] },
  appliesTo: (asset) => asset.keyType === 'certificate',
  evidenceAvailable: (asset) => lifetimeDays(asset) !== null,
  evaluate(asset, ctx) {
    // An expired certificate signs nothing in; microsoft-365/app-credential-expiring reports it.
    if (isExpired(asset, ctx.now)) return null;
    const lifetime = lifetimeDays(asset);
    if (lifetime === null || lifetime <= ctx.options.maxDays) return null;
    return { evidence: { ...credentialEvidence(asset), maxDays: ctx.options.maxDays } };
  },
});
