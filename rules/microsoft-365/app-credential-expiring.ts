import { daysBetween, defineRule } from '../define-rule.ts';
import { credentialEvidence, isExpired } from '../microsoft-apps.ts';

interface Options extends Record<string, unknown> {
  /** Days before the end date at which a credential counts as expiring. */
  warnDays: number;
}

export default defineRule<'api_key', Options>({
  id: 'microsoft-365/app-credential-expiring',
  title: 'Application credentials are rotated before they expire',
  description:
    'A client secret or certificate of an Entra ID application expires soon, or has expired and is still attached to the app. An unplanned expiry breaks the integration, and the rushed fix is usually a long-lived secret pasted wherever it is needed; an expired credential left on the app is clutter that hides which credentials are live.',
  remediation:
    'Rotate ahead of time: in the Microsoft Entra admin center open App registrations > the app > Certificates & secrets, add the new credential (a certificate or federated credential rather than a secret where possible), deploy it, then delete the old one. Delete credentials that have already expired, and monitor end dates (or use managed identities, which need no rotation).',
  severity: 'low',
  provider: 'microsoft-365',
  kind: 'api_key',
  streams: ['apps'],
  options: { warnDays: 30 },
  references: [
    'https://learn.microsoft.com/en-us/entra/identity-platform/security-best-practices-for-app-registration',
    'https://learn.microsoft.com/en-us/graph/api/resources/passwordcredential',
    'https://learn.microsoft.com/en-us/graph/api/resources/keycredential',
  ],
  frameworks: { soc2: ['CC6.1'], iso27001: ['A.5.17'] },
  appliesTo: (asset) => asset.keyType === 'client_secret' || asset.keyType === 'certificate',
  evaluate(asset, ctx) {
    if (asset.expiresAt === null) return null; // never expires: the lifetime rules report it
    const daysLeft = -daysBetween(asset.expiresAt, ctx.now);
    if (daysLeft > ctx.options.warnDays) return null;
    const expired = isExpired(asset, ctx.now);
    return {
      evidence: {
        ...credentialEvidence(asset),
        expired,
        daysLeft: expired ? 0 : Math.floor(daysLeft),
        warnDays: ctx.options.warnDays,
      },
      // An expired credential cannot sign in any more: left-over clutter, not a live risk.
      ...(expired ? { severity: 'info' as const } : {}),
    };
  },
});
