/**
 * Shared reading of Microsoft 365 tenant settings (connectors/microsoft-365/MODEL.md, setting) for
 * the `microsoft-365/*` settings rules: whether a value was disclosed, and SharePoint's external
 * sharing level whether it came from Graph (`externalUserSharingOnly`) or SPO (`ExternalUserSharingOnly`,
 * or its enum number). Lives beside define-rule.ts, not in rules/microsoft-365/, because every
 * file in a rule folder is a rule.
 */
import type { SettingAsset } from '../scanner/model.ts';

/** The tenant reported the field: a null or missing value is undisclosed, and not judged. */
export function disclosed(asset: SettingAsset, field: string): boolean {
  return asset.values[field] !== undefined && asset.values[field] !== null;
}

/** SharePoint's organization-level external sharing slider, most permissive last. */
export type SharingCapability =
  | 'disabled'
  | 'existingExternalUserSharingOnly'
  | 'externalUserSharingOnly'
  | 'externalUserAndGuestSharing';

const capabilities: readonly SharingCapability[] = [
  'disabled',
  'existingExternalUserSharingOnly',
  'externalUserSharingOnly',
  'externalUserAndGuestSharing',
];
/** SPO's SharingCapabilities enum: Disabled 0, ExternalUserSharingOnly 1, ExternalUserAndGuestSharing 2, ExistingExternalUserSharingOnly 3. */
const spoEnum: Record<number, SharingCapability> = {
  0: 'disabled',
  1: 'externalUserSharingOnly',
  2: 'externalUserAndGuestSharing',
  3: 'existingExternalUserSharingOnly',
};

/** The sharing level by its Graph name, or null when the value is missing or unrecognised. */
export function sharingCapabilityOf(value: unknown): SharingCapability | null {
  if (typeof value === 'number') return spoEnum[value] ?? null;
  if (typeof value !== 'string') return null;
  const lower = value.trim().toLowerCase();
  return capabilities.find((c) => c.toLowerCase() === lower) ?? null;
}

/** The admin center's label for a sharing level, for evidence a human reads. */
export const sharingCapabilityLabel: Record<SharingCapability, string> = {
  disabled: 'Only people in your organization',
  existingExternalUserSharingOnly: 'Existing guests',
  externalUserSharingOnly: 'New and existing guests',
  externalUserAndGuestSharing: 'Anyone',
};
