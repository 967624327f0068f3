import { defineRule } from '../define-rule.ts';
import { mfaEvidence } from '../microsoft-users.ts';

export default defineRule({
  id: 'microsoft-365/admin-without-mfa',
  title: 'Administrators are registered for multifactor authentication',
  description:
    'A user who holds an Entra ID directory role has no multifactor authentication method registered, so no Conditional Access policy can demand a second factor from them: a phished or sprayed password is enough to take over the account and, with it, the tenant settings, users and data the role administers.',
  remediation:
    'Have the admin register a phishing-resistant method (passkey/FIDO2, Windows Hello for Business or certificate-based authentication) at https://aka.ms/mysecurityinfo. In the Microsoft Entra admin center, Protection > Conditional Access > New policy: include the directory roles (at least the privileged ones), target All resources, grant access only with Require authentication strength > Phishing-resistant MFA. Until the admin is registered, remove the role (Roles & admins > the role > Assignments) or block sign-in (Users > the user > Edit properties > Account enabled off).',
  severity: 'critical',
  provider: 'microsoft-365',
  kind: 'identity',
  streams: ['users', 'mfa-registration'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity/conditional-access/howto-conditional-access-policy-admin-mfa',
    'https://learn.microsoft.com/en-us/entra/identity/authentication/howto-authentication-methods-activity',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md',
  ],
  frameworks: {
    scuba: ['MS.AAD.3.1v1', 'MS.AAD.3.6v1'],
    cis_m365: ['5.2.2.1', '5.2.3.4'],
    soc2: ['CC6.1'],
    iso27001: ['A.5.17', 'A.8.5'],
  },
  appliesTo: (asset) => asset.isAdmin,
  evaluate(asset) {
    // mfaEnabled null: the user has no row in userRegistrationDetails, so we do not know.
    if (asset.mfaEnabled !== false || asset.suspended) return null;
    return { evidence: mfaEvidence(asset) };
  },
});
