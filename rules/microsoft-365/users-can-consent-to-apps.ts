import { defineRule } from '../define-rule.ts';

const selfConsentPrefix = 'managepermissiongrantsforself.';
/** The pre-2021 default: users may consent to any app for any delegated permission that needs no admin. */
const legacyPolicy = 'managepermissiongrantsforself.microsoft-user-default-legacy';

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export default defineRule({
  id: 'microsoft-365/users-can-consent-to-apps',
  title: 'Only administrators consent to applications',
  description:
    'The default user role has a permission grant policy for self-consent, so any user can give an application delegated access to their mail, files and profile. Illicit consent grants (a phishing link to a malicious multi-tenant app) survive password resets and MFA. With the legacy policy users may consent to any app and any permission that needs no admin; Microsoft\'s "low" policy limits it to verified publishers and low-impact permissions.',
  remediation:
    'In the Microsoft Entra admin center go to Enterprise applications > Consent and permissions > User consent settings and select Do not allow user consent (at most, allow it for apps from verified publishers and permissions you classified as low impact), then turn on the admin consent workflow so users can request apps. Review the grants users already gave under Enterprise applications > the app > Permissions.',
  severity: 'high',
  provider: 'microsoft-365',
  kind: 'setting',
  streams: ['consent-policy'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/configure-user-consent',
    'https://learn.microsoft.com/en-us/microsoft-365/security/office-365-security/detect-and-remediate-illicit-consent-grants',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md',
  ],
  frameworks: {
    scuba: ['MS.AAD.5.2v1'],
    cis_m365: ['5.1.5.1'],
    soc2: ['CC6.1', 'CC9.2'],
    iso27001: ['A.5.19', 'A.5.23'],
  },
  appliesTo: (asset) => asset.settingType === 'microsoft-365.authorization_policy',
  // An absent list is undisclosed; an empty one means user consent is off.
  evidenceAvailable: (asset) => Array.isArray(asset.values.permissionGrantPoliciesAssigned),
  evaluate(asset) {
    const policies = stringsOf(asset.values.permissionGrantPoliciesAssigned).filter((p) =>
      p.toLowerCase().startsWith(selfConsentPrefix),
    );
    if (policies.length === 0) return null;
    const legacy = policies.some((p) => p.toLowerCase() === legacyPolicy);
    const risky = asset.values.allowUserConsentForRiskyApps;
    return {
      evidence: {
        userConsentPolicies: policies,
        allowUserConsentForRiskyApps: typeof risky === 'boolean' ? risky : null,
      },
      ...(legacy ? {} : { severity: 'medium' as const }),
    };
  },
});
