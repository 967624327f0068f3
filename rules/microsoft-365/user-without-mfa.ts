import { defineRule } from '../define-rule.ts';
import { mfaEvidence } from '../microsoft-users.ts';

export default defineRule({
  id: 'microsoft-365/user-without-mfa',
  title: 'Users are registered for multifactor authentication',
  description:
    'An enabled member or guest account has no multifactor authentication method registered, so a phished, sprayed or reused password is enough to sign in as the user: their mail, OneDrive and Teams, and a trusted address to phish colleagues from. An unregistered account is also the one an attacker who learns the password registers their own authenticator on.',
  remediation:
    'Have the user register a method (preferably a passkey or Microsoft Authenticator) at https://aka.ms/mysecurityinfo. In the Microsoft Entra admin center, Protection > Conditional Access > New policy: include All users (guests too), target All resources, grant access only with Require multifactor authentication (or an authentication strength); review who is still not registered under Protection > Authentication methods > User registration details. Disable accounts nobody uses (Users > the user > Edit properties > Account enabled off).',
  severity: 'high',
  provider: 'microsoft-365',
  kind: 'identity',
  streams: ['users', 'mfa-registration'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity/conditional-access/howto-conditional-access-policy-all-users-mfa',
    'https://learn.microsoft.com/en-us/entra/identity/authentication/howto-authentication-methods-activity',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md',
  ],
  frameworks: {
    scuba: ['MS.AAD.3.1v1'],
    cis_m365: ['5.2.2.2', '5.2.3.4'],
    soc2: ['CC6.1'],
    iso27001: ['A.5.17', 'A.8.5'],
  },
  // Administrators are microsoft-365/admin-without-mfa, at a higher severity.
  appliesTo: (asset) => !asset.isAdmin,
  evaluate(asset) {
    // mfaEnabled null: the user has no row in userRegistrationDetails, so we do not know.
    if (asset.mfaEnabled !== false || asset.suspended) return null;
    return { evidence: mfaEvidence(asset) };
  },
});
