import { defineRule } from '../define-rule.ts';
import { disclosed } from '../microsoft-settings.ts';

export default defineRule({
  id: 'microsoft-365/admin-consent-workflow-disabled',
  title: 'Users can request admin consent to applications',
  description:
    'The admin consent workflow is off, so a user who may not consent to an app has no sanctioned way to ask for it. They are stuck, or they go around the control (another account, a personal tenant, a shared secret), and administrators never see which apps people need or review the permissions those apps ask for.',
  remediation:
    'In the Microsoft Entra admin center go to Enterprise applications > Consent and permissions > Admin consent settings, set Users can request admin consent to apps they are unable to consent to to Yes, add a group of reviewers (admins who may grant consent), and turn on email notifications and expiry reminders.',
  severity: 'medium',
  provider: 'microsoft-365',
  kind: 'setting',
  streams: ['consent-policy'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/configure-admin-consent-workflow',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/aad.md',
  ],
  frameworks: {
    scuba: ['MS.AAD.5.3v1'],
    cis_m365: ['5.1.5.2'],
    soc2: ['CC6.1', 'CC9.2'],
    iso27001: ['A.5.19', 'A.5.23'],
  },
  appliesTo: (asset) => asset.settingType === 'microsoft-365.admin_consent_request_policy',
  evidenceAvailable: (asset) => disclosed(asset, 'isEnabled'),
  evaluate(asset) {
    if (asset.values.isEnabled !== false) return null;
    return { evidence: { isEnabled: false } };
  },
});
