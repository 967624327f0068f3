import { defineRule } from '../define-rule.ts';

/** Google's documented values when the root policy omits a field. */
const DEFAULTS: Record<string, unknown> = {
  externalSharingMode: 'ALLOWED',
  warnForExternalSharing: true,
  warnForSharingOutsideAllowlistedDomains: true,
};
const WARNINGS = ['warnForExternalSharing', 'warnForSharingOutsideAllowlistedDomains'] as const;

export default defineRule({
  id: 'google-workspace/drive-external-sharing-without-warning',
  title: 'Users are warned before sharing Drive files outside the organization',
  description:
    'Where sharing outside the organization (or with allowlisted domains) is allowed, the warning is the last prompt that tells a user the recipient is external. Without it, a typo in an address silently sends a file out.',
  remediation:
    'In the Google Admin console open Apps > Google Workspace > Drive and Docs > Sharing settings > Sharing options and check "Warn when files owned by users or shared drives in your organization are shared outside" (for allowlisted domains: "…are shared with users in allowlisted domains") on every organizational unit that allows external sharing.',
  severity: 'low',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/60781',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/drive.md',
  ],
  frameworks: { scuba: ['GWS.DRIVEDOCS.1.3v1'], cis_google_workspace: ['3.1.2.1.1.1', '3.1.2.1.1.4'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.drive_and_docs.external_sharing',
  evaluate(asset) {
    const root = asset.scope === 'tenant';
    const unset = (field: string) => asset.values[field] === undefined || asset.values[field] === null;
    const read = (field: string) => (unset(field) ? (root ? DEFAULTS[field] : null) : asset.values[field]);
    const where = { orgUnit: asset.attributes.orgUnit ?? null, group: asset.attributes.group ?? null };
    const mode = read('externalSharingMode');
    if (mode === 'DISALLOWED') return null;
    if (mode === null) {
      // An override that inherits the mode: a warning turned off here matters if the parent allows sharing.
      const off = WARNINGS.filter((field) => read(field) !== null && read(field) !== true);
      if (off.length === 0) return null;
      const values = Object.fromEntries(off.map((field) => [field, read(field)]));
      return {
        evidence: { ...where, externalSharingMode: null, ...values, undisclosed: ['externalSharingMode'] },
      };
    }
    const field = mode === 'ALLOWLISTED_DOMAINS' ? WARNINGS[1] : WARNINGS[0];
    const warn = read(field);
    if (warn === true) return null;
    const defaulted = root ? ['externalSharingMode', field].filter(unset) : [];
    return {
      evidence: {
        ...where,
        externalSharingMode: mode,
        [field]: warn,
        ...(warn === null ? { undisclosed: [field] } : {}),
        ...(defaulted.length > 0 ? { defaulted } : {}),
      },
    };
  },
});
