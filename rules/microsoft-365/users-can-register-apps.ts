import { defineRule } from '../define-rule.ts';
import { disclosed } from '../microsoft-settings.ts';

export default defineRule({
  id: 'microsoft-365/users-can-register-apps',
  title: 'Only administrators register applications',
  description:
    'Any user can register an application in Entra ID and becomes its owner: they can add client secrets to it and have it request access to tenant data. A compromised account uses this to create a persistent, MFA-free backdoor that looks like an ordinary line-of-business app.',
  remediation:
    'In the Microsoft Entra admin center go to Users > User settings and set Users can register applications to No. Give the people who build integrations the Application Developer role instead (ideally eligible through Privileged Identity Management), and review the existing app registrations and their owners.',
  severity: 'medium',
  provider: 'microsoft-365',
  kind: 'setting',
  streams: ['consent-policy'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity-platform/how-applications-are-added',
    'https://learn.microsoft.com/en-us/entra/fundamentals/users-default-permissions#restrict-member-users-default-permissions',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md',
  ],
  frameworks: {
    scuba: ['MS.AAD.5.1v1'],
    cis_m365: ['5.1.2.2'],
    soc2: ['CC6.1'],
    iso27001: ['A.5.15', 'A.8.2'],
  },
  appliesTo: (asset) => asset.settingType === 'microsoft-365.authorization_policy',
  evidenceAvailable: (asset) => disclosed(asset, 'allowedToCreateApps'),
  evaluate(asset) {
    if (asset.values.allowedToCreateApps !== true) return null;
    return { evidence: { allowedToCreateApps: true } };
  },
});
