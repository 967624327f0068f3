import { defineRule } from '../define-rule.ts';
import { judgePolicyField } from '../google-policies.ts';

interface Options extends Record<string, unknown> {
  /**
   * Sharing limited to allowlisted domains passes, as the SCuBA baseline text says ("restricted to
   * allowlisted domains"). Default true; false reports it too, as ScubaGoggles' Policy API check does.
   */
  allowlistedDomainsCompliant: boolean;
}

export default defineRule<'setting', Options>({
  id: 'google-workspace/drive-external-sharing-unrestricted',
  title: 'Drive sharing outside the organization is off or limited to allowlisted domains',
  description:
    'When users may share Drive files with anyone outside the organization, one mistaken or malicious share sends documents to any Google account, and nothing limits where they go next.',
  remediation:
    'In the Google Admin console open Apps > Google Workspace > Drive and Docs > Sharing settings > Sharing options and set "Sharing outside of your organization" to OFF, or to ALLOWLISTED DOMAINS with only partner domains on the allowlist. Check every organizational unit and group that overrides it.',
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  options: { allowlistedDomainsCompliant: true },
  references: [
    'https://support.google.com/a/answer/60781',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/drive.md',
  ],
  frameworks: { scuba: ['GWS.DRIVEDOCS.1.1v1'], cis_google_workspace: ['3.1.2.1.1.3'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.drive_and_docs.external_sharing',
  evaluate(asset, ctx) {
    // Google's documented default when the root policy omits the mode is ALLOWED.
    const violation = judgePolicyField(asset, 'externalSharingMode', {
      default: 'ALLOWED',
      compliant: (mode) =>
        mode === 'DISALLOWED' || (mode === 'ALLOWLISTED_DOMAINS' && ctx.options.allowlistedDomainsCompliant),
    });
    if (violation?.evidence.externalSharingMode !== 'ALLOWLISTED_DOMAINS') return violation;
    return { ...violation, severity: 'low' };
  },
});
