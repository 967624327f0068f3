/**
 * Planted drive items: chosen sharing (anonymous, organization and people links, invitations, a
 * guest, a shared folder, mixed levels, a deleted public item) on a persona's OneDrive, sensitive
 * content on another's (real docx/xlsx when downloaded), and a team-site item — each with the
 * file and DLP findings it must or must not produce.
 */
import {
  awsKeyContent,
  CLEAN_CONTROL_CONTENT,
  cardContent,
  privateKeyContent,
} from '../google/dlp-content.ts';
import type { Random } from '../random.ts';
import { type MicrosoftOracleRuleId, microsoftAssetKey } from './asset-keys.ts';
import {
  foldersIn,
  invitationPermissionId,
  iso,
  linkPermissionId,
  MIME,
  userPermissionId,
} from './item-store.ts';
import type { Planter } from './plant.ts';
import type { DriveItem, DrivePermission, MicrosoftTenant, MsUser } from './types.ts';

const DAY = 86_400_000;

const FILE_RULES: MicrosoftOracleRuleId[] = [
  'common/file-public-edit',
  'common/file-public-view',
  'common/file-external-edit',
  'common/file-external-view',
  'common/file-domain-edit',
  'common/file-domain-view',
];
const DLP_RULES: MicrosoftOracleRuleId[] = [
  'common/dlp-file-public-edit',
  'common/dlp-file-public-view',
  'common/dlp-file-external-edit',
  'common/dlp-file-external-view',
  'common/dlp-file-org-wide',
];

/** A permission to plant, without its id (derived when placed); `expires` = in 30 days. */
type PermissionDraft = Omit<DrivePermission, 'id' | 'expirationDateTime'> & { expires?: boolean };

interface ItemSpec {
  key: string;
  name: string;
  /** null: a folder (placed on the drive's first folder slot). */
  mimeType: string | null;
  content?: (random: Random) => string;
  permissions: (ctx: { colleague?: MsUser; guest?: MsUser }) => PermissionDraft[];
  deleted?: boolean;
  violations: MicrosoftOracleRuleId[];
  clean: MicrosoftOracleRuleId[];
}

const anyone = (type: 'view' | 'edit', expires?: boolean): PermissionDraft => ({
  roles: [type === 'edit' ? 'write' : 'read'],
  link: { scope: 'anonymous', type },
  ...(expires ? { expires } : {}),
});
const organization = (type: 'view' | 'edit'): PermissionDraft => ({
  roles: [type === 'edit' ? 'write' : 'read'],
  link: { scope: 'organization', type },
});
const invite = (email: string, role: 'read' | 'write'): PermissionDraft => ({ roles: [role], email });
const peopleLink = (type: 'view' | 'edit', who: { email?: string; user?: number }): PermissionDraft => ({
  roles: [type === 'edit' ? 'write' : 'read'],
  link: { scope: 'users', type },
  ...who,
});

function sharerItems(): ItemSpec[] {
  return [
    {
      key: 'sharedFolder',
      name: 'Client deliverables',
      mimeType: null,
      permissions: () => [anyone('view')],
      violations: ['common/file-public-view'],
      clean: ['common/file-public-edit'],
    },
    {
      key: 'anonymousEdit',
      name: 'Team offsite plan.docx',
      mimeType: MIME.docx,
      permissions: () => [anyone('edit')],
      violations: ['common/file-public-edit'],
      clean: ['common/file-public-view'],
    },
    {
      key: 'anonymousView',
      name: 'Press kit.docx',
      mimeType: MIME.docx,
      permissions: () => [anyone('view', true)],
      violations: ['common/file-public-view'],
      clean: ['common/file-public-edit'],
    },
    {
      key: 'organizationEdit',
      name: 'All-hands notes.docx',
      mimeType: MIME.docx,
      permissions: () => [organization('edit')],
      violations: ['common/file-domain-edit'],
      clean: ['common/file-domain-view'],
    },
    {
      key: 'organizationView',
      name: 'Holiday calendar.xlsx',
      mimeType: MIME.xlsx,
      permissions: () => [organization('view')],
      violations: ['common/file-domain-view'],
      clean: ['common/file-domain-edit'],
    },
    {
      key: 'externalInviteEdit',
      name: 'Agency brief.docx',
      mimeType: MIME.docx,
      permissions: () => [invite('dana@partner-agency.com', 'write')],
      violations: ['common/file-external-edit'],
      clean: ['common/file-external-view'],
    },
    {
      key: 'externalLinkView',
      name: 'Partner price list.xlsx',
      mimeType: MIME.xlsx,
      permissions: () => [peopleLink('view', { email: 'lee@partner-agency.com' })],
      violations: ['common/file-external-view'],
      clean: ['common/file-external-edit'],
    },
    {
      key: 'guestView',
      name: 'Audit evidence index.xlsx',
      mimeType: MIME.xlsx,
      permissions: ({ guest }) => (guest ? [{ roles: ['read'], user: guest.index }] : []),
      violations: ['common/file-external-view'],
      clean: ['common/file-external-edit'],
    },
    {
      key: 'internalShare',
      name: 'Quarterly goals.docx',
      mimeType: MIME.docx,
      permissions: ({ colleague }) => (colleague ? [peopleLink('edit', { user: colleague.index })] : []),
      violations: [],
      clean: FILE_RULES,
    },
    {
      // The widest level wins, and only permissions at that level set the access.
      key: 'mixedLinks',
      name: 'Launch checklist.docx',
      mimeType: MIME.docx,
      permissions: () => [organization('edit'), anyone('view')],
      violations: ['common/file-public-view'],
      clean: ['common/file-public-edit', 'common/file-domain-edit'],
    },
    {
      key: 'deletedPublic',
      name: 'Old landing page copy.docx',
      mimeType: MIME.docx,
      permissions: () => [anyone('edit')],
      deleted: true,
      violations: [],
      clean: ['common/file-public-edit', 'common/file-public-view'],
    },
    {
      key: 'private',
      name: 'Personal notes.txt',
      mimeType: MIME.txt,
      permissions: () => [],
      violations: [],
      clean: FILE_RULES,
    },
  ];
}

function dlpItems(): ItemSpec[] {
  return [
    {
      key: 'dlpCardPublicEdit',
      name: 'Travel card details.docx',
      mimeType: MIME.docx,
      content: (r) => cardContent(r, false),
      permissions: () => [anyone('edit')],
      violations: ['common/dlp-file-public-edit', 'common/file-public-edit'],
      clean: ['common/dlp-file-public-view'],
    },
    {
      key: 'dlpAwsPublicView',
      name: 'deploy-credentials.txt',
      mimeType: MIME.txt,
      content: awsKeyContent,
      permissions: () => [anyone('view')],
      violations: ['common/dlp-file-public-view', 'common/file-public-view'],
      clean: ['common/dlp-file-public-edit'],
    },
    {
      key: 'dlpKeyExternalEdit',
      name: 'server-key.txt',
      mimeType: MIME.txt,
      content: privateKeyContent,
      permissions: () => [invite('ops@partner-agency.com', 'write')],
      violations: ['common/dlp-file-external-edit', 'common/file-external-edit'],
      clean: ['common/dlp-file-external-view'],
    },
    {
      key: 'dlpCardExternalView',
      name: 'Card reconciliation.csv',
      mimeType: MIME.csv,
      content: (r) => cardContent(r, true),
      permissions: () => [peopleLink('view', { email: 'billing@partner-agency.com' })],
      violations: ['common/dlp-file-external-view', 'common/file-external-view'],
      clean: ['common/dlp-file-external-edit'],
    },
    {
      key: 'dlpAwsOrgWide',
      name: 'CI secrets.xlsx',
      mimeType: MIME.xlsx,
      content: awsKeyContent,
      permissions: () => [organization('view')],
      violations: ['common/dlp-file-org-wide', 'common/file-domain-view'],
      clean: [],
    },
    {
      key: 'dlpCleanControl',
      name: 'CLI onboarding guide.txt',
      mimeType: MIME.txt,
      content: () => CLEAN_CONTROL_CONTENT,
      permissions: () => [anyone('view')],
      violations: ['common/file-public-view'],
      clean: DLP_RULES,
    },
    {
      key: 'dlpPrivate',
      name: 'My card.txt',
      mimeType: MIME.txt,
      content: (r) => cardContent(r, false),
      permissions: () => [],
      violations: [],
      clean: [...DLP_RULES, ...FILE_RULES],
    },
  ];
}

export function plantItems(
  tenant: MicrosoftTenant,
  planter: Planter,
  random: Random,
  personas: Map<string, MsUser>,
  t: number,
): void {
  const content = random.fork('dlp');
  const ctx = { colleague: personas.get('userMfa'), guest: personas.get('guestNoMfa') };
  let minute = 0;
  const place = (spec: ItemSpec, index: number): void => {
    const base = tenant.items.get(index);
    if (!base) return;
    const drive = tenant.drives[base.drive];
    if (!drive) return;
    minute += 1;
    const at = t - 3 * DAY + minute * 60_000;
    const text = spec.content ? spec.content(content) : spec.mimeType ? `${spec.name}\n\nDraft text.\n` : '';
    const permissions: DrivePermission[] = spec.permissions(ctx).map(({ expires, ...p }, n) => {
      const user = p.user === undefined ? undefined : tenant.users[p.user];
      const id = p.link
        ? linkPermissionId(index, n)
        : user
          ? userPermissionId(user.userPrincipalName)
          : invitationPermissionId(p.email ?? '');
      return { ...p, ...(expires ? { expirationDateTime: iso(t + 30 * DAY) } : {}), id };
    });
    const item: DriveItem = {
      ...base,
      name: spec.name,
      folder: spec.mimeType === null,
      mimeType: spec.mimeType,
      parent: spec.mimeType === null ? base.parent : -1,
      size: Buffer.byteLength(text),
      lastModifiedDateTime: iso(at),
      permissions,
      content: text,
    };
    tenant.items.put(item);
    if (spec.deleted) tenant.items.delete(index);
    planter.set.items[spec.key] = { driveId: drive.id, itemId: item.id };
    planter.note(microsoftAssetKey.file(drive.id, item.id), spec.violations, spec.clean);
  };

  for (const [key, specs] of [
    ['fileSharer', sharerItems()],
    ['dlpOwner', dlpItems()],
  ] as const) {
    const owner = personas.get(key);
    const drive = owner && tenant.drives.find((d) => d.owner === owner.index);
    if (!drive) continue;
    const range = tenant.items.driveRange(drive.index);
    const folders = foldersIn(range.end - range.start);
    let next = range.start + folders;
    for (const spec of specs) {
      if (spec.mimeType === null) {
        if (folders > 0) place(spec, range.start);
        continue;
      }
      if (next < range.end) place(spec, next);
      next += 1;
    }
  }

  // A team-site item published by link and shared with a vendor: the last slot of the first library.
  const library = tenant.drives.find((d) => d.driveType === 'documentLibrary');
  if (library) {
    const range = tenant.items.driveRange(library.index);
    if (range.end - range.start > foldersIn(range.end - range.start)) {
      place(
        {
          key: 'siteVendorPack',
          name: 'Vendor onboarding pack.docx',
          mimeType: MIME.docx,
          permissions: () => [anyone('view'), invite('vendor@contractor-corp.com', 'write')],
          violations: ['common/file-public-view'],
          clean: ['common/file-public-edit', 'common/file-external-edit'],
        },
        range.end - 1,
      );
    }
  }
}
