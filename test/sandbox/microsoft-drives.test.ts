import { ResponseType } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MicrosoftSimulator, NO_EXPIRY, startMicrosoftSimulator } from '../../sandbox/index.ts';
import { createDlpScanner, inspectContent } from '../../scanner/dlp/index.ts';
import { allPages, graphFor, graphRejection, tokenFor, trustSimulator } from './microsoft-support.ts';

interface Item {
  id: string;
  name: string;
  root?: object;
  folder?: { childCount: number };
  file?: { mimeType: string };
  deleted?: { state: string };
  shared?: { scope: string };
  parentReference: { driveId: string; id?: string; path?: string };
  '@microsoft.graph.sharedChanged'?: string;
}

interface Permission {
  id: string;
  roles: string[];
  link?: { scope: string; type: string; webUrl?: string; preventsDownload?: boolean };
  expirationDateTime?: string;
  shareId?: string;
  inheritedFrom?: { driveId: string };
  invitation?: { email: string; signInRequired: boolean };
  grantedToV2?: {
    user?: { id: string };
    siteUser?: { loginName: string };
    siteGroup?: { displayName: string };
  };
  grantedToIdentitiesV2?: Array<{ user: { email: string } }>;
}

const SHARING_PREFER = 'deltashowremovedasdeleted, deltatraversepermissiongaps, deltashowsharingchanges';

describe('Microsoft simulator sites, drives and items', () => {
  let sim: MicrosoftSimulator;
  let token: string;
  const client = () => graphFor(sim, token);
  const planted = (key: string) => sim.tenant.planted.items[key] as { driveId: string; itemId: string };
  const sharerDrive = () => planted('anonymousEdit').driveId;

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({
      seed: 7,
      size: { users: 60, itemsPerDrive: 30, sites: 2, itemsPerSite: 12 },
    });
    trustSimulator(sim);
    token = await tokenFor(sim);
  });
  afterAll(() => sim.close());

  it('lists every site with getAllSites (OneDrives included), nothing on plain /sites, matches on search', async () => {
    const all = await allPages<{ id: string; isPersonalSite: boolean }>(
      client(),
      await client().api('/sites/getAllSites').top(25).get(),
    );
    expect(all.items).toHaveLength(sim.tenant.sites.length);
    expect(all.pages).toBe(Math.ceil(sim.tenant.sites.length / 25));
    expect(all.items.filter((s) => !s.isPersonalSite)).toHaveLength(2);
    expect((await client().api('/sites').get()).value).toEqual([]);
    expect((await client().api('/sites').query({ search: '*' }).top(999).get()).value).toHaveLength(
      sim.tenant.sites.length,
    );
    const finance = (await client().api('/sites').query({ search: 'finance' }).get()).value;
    expect(finance.map((s: { displayName: string }) => s.displayName)).toEqual(['Finance']);

    const team = (await client().api(`/sites/${finance[0].id}/drives`).get()).value;
    expect(team).toHaveLength(1);
    expect(team[0]).toMatchObject({
      driveType: 'documentLibrary',
      name: 'Documents',
      owner: { group: { displayName: 'Finance' } },
    });
    const personal = all.items.find((s) => s.isPersonalSite);
    const oneDrive = (await client().api(`/sites/${personal?.id}/drives`).get()).value[0];
    expect(oneDrive).toMatchObject({
      driveType: 'business',
      owner: { user: { email: expect.stringContaining('@') } },
    });
    expect(oneDrive.id).toMatch(/^b!/);
  });

  it('enumerates a whole drive with root/delta: root, folders, files, pages of $top, then a deltaLink', async () => {
    const drive = sharerDrive();
    const first = await client().api(`/drives/${drive}/root/delta`).top(10).get();
    expect(first['@odata.nextLink']).toContain(`/v1.0/drives/${drive}/root/delta?`);
    const round = await allPages<Item>(client(), first);
    expect(round.pages).toBe(4);
    expect(round.last['@odata.deltaLink']).toContain('token=');
    // Root + 30 items, less the planted item that was deleted.
    expect(round.items).toHaveLength(30);
    expect(round.items[0]?.root).toEqual({});
    const folder = round.items.find((i) => i.name === 'Client deliverables');
    expect(folder?.folder?.childCount).toBeGreaterThan(0);
    expect(folder?.shared).toEqual({ scope: 'anonymous' });
    const file = round.items.find((i) => i.name === 'Team offsite plan.docx');
    expect(file?.file?.mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file?.parentReference).toMatchObject({ driveId: drive, id: round.items[0]?.id });
    expect(file?.parentReference.path).toBeUndefined();
    expect((file as Item & { cTag?: string })?.cTag).toBeUndefined();
    expect(round.items.some((i) => i.id === planted('deletedPublic').itemId)).toBe(false);
  });

  it('lists item permissions: links with scope, type and no-expiry sentinel, invitations, guests, inherited owners', async () => {
    const perms = async (key: string) => {
      const { driveId, itemId } = planted(key);
      return (await client().api(`/drives/${driveId}/items/${itemId}/permissions`).get())
        .value as Permission[];
    };
    const edit = await perms('anonymousEdit');
    const owner = edit.find((p) => p.roles.includes('owner'));
    expect(owner?.grantedToV2?.user?.id).toBe(sim.tenant.planted.users.fileSharer);
    expect(owner?.inheritedFrom?.driveId).toBe(sharerDrive());
    const link = edit.find((p) => p.link);
    expect(link).toMatchObject({
      roles: ['write'],
      link: { scope: 'anonymous', type: 'edit' },
      expirationDateTime: NO_EXPIRY,
    });
    expect(link?.link?.webUrl).toMatch(/^https:\/\/acme-my\.sharepoint\.com\/:w:\/g\/personal\//);
    expect(link?.shareId).toMatch(/^u!/);

    const view = (await perms('anonymousView')).find((p) => p.link);
    expect(view?.expirationDateTime).not.toBe(NO_EXPIRY);
    const people = (await perms('externalLinkView')).find((p) => p.link);
    expect(people).toMatchObject({ link: { scope: 'users', type: 'view' } });
    expect(people?.grantedToIdentitiesV2?.[0]?.user.email).toBe('lee@partner-agency.com');
    const invite = (await perms('externalInviteEdit')).find((p) => p.invitation);
    expect(invite).toMatchObject({
      roles: ['write'],
      invitation: { email: 'dana@partner-agency.com', signInRequired: true },
    });
    const guest = (await perms('guestView')).find((p) => !p.inheritedFrom);
    expect(guest?.grantedToV2?.user?.id).toBe(sim.tenant.planted.users.guestNoMfa);
    expect(guest?.grantedToV2?.siteUser?.loginName).toContain('#ext#');
    const site = await perms('siteVendorPack');
    expect(
      site.flatMap((p) => (p.grantedToV2?.siteGroup ? [p.grantedToV2.siteGroup.displayName] : [])),
    ).toEqual(['Finance Owners', 'Finance Members']);
  });

  it('hides link URLs and shareIds from a reader that could not create links', async () => {
    sim.mutate.setScannerRoles({ graph: ['Files.Read.All'] });
    try {
      const reader = graphFor(sim, await tokenFor(sim, 'certificate'));
      const { driveId, itemId } = planted('anonymousEdit');
      const link = (await reader.api(`/drives/${driveId}/items/${itemId}/permissions`).get()).value.find(
        (p: { link?: object }) => p.link,
      );
      expect(link.link).toEqual({ scope: 'anonymous', type: 'edit', preventsDownload: false });
      expect(link.shareId).toBeUndefined();
      // Sites need Sites.*: Files.Read.All alone cannot list them.
      const denied = await graphRejection(reader.api('/sites/getAllSites').get());
      expect(denied.code).toBe('accessDenied');
    } finally {
      sim.mutate.setScannerRoles({
        graph: [...sim.auth.consentRoles.graph],
        sharepoint: sim.auth.consentRoles.sharepoint,
      });
    }
  });

  it('downloads content through a 302 to a pre-authenticated URL: real docx the DLP engine reads', async () => {
    const { driveId, itemId } = planted('dlpCardPublicEdit');
    const raw = await fetch(`${sim.origin}/v1.0/drives/${driveId}/items/${itemId}/content`, {
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    });
    expect(raw.status).toBe(302);
    const location = raw.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^${sim.origin}/_layouts/15/download\\.aspx\\?UniqueId=${itemId}`));
    expect((await fetch(location.replace(/tempauth=[^&]+/, 'tempauth=forged'))).status).toBe(401);

    const bytes = (await client()
      .api(`/drives/${driveId}/items/${itemId}/content`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    const body = new Uint8Array(bytes);
    expect([...body.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const dlp = createDlpScanner();
    const result = await inspectContent(dlp, { body, mimeType: null, fileName: 'Travel card details.docx' });
    expect(result.status).toBe('matched');
    expect(result.profiles).toEqual(['financial']);

    const sheet = planted('dlpAwsOrgWide');
    const xlsx = new Uint8Array(
      (await client()
        .api(`/drives/${sheet.driveId}/items/${sheet.itemId}/content`)
        .responseType(ResponseType.ARRAYBUFFER)
        .get()) as ArrayBuffer,
    );
    expect(
      (await inspectContent(dlp, { body: xlsx, mimeType: null, fileName: 'CI secrets.xlsx' })).profiles,
    ).toEqual(['credentials']);

    sim.settings.contentRedirect = false;
    try {
      const control = planted('dlpCleanControl');
      const direct = await fetch(
        `${sim.origin}/v1.0/drives/${control.driveId}/items/${control.itemId}/content`,
        {
          headers: { authorization: `Bearer ${token}` },
          redirect: 'manual',
        },
      );
      expect(direct.status).toBe(200);
      const text = await direct.text();
      expect(
        (await inspectContent(dlp, { body: Buffer.from(text), mimeType: 'text/plain', fileName: null }))
          .status,
      ).not.toBe('matched');
    } finally {
      sim.settings.contentRedirect = true;
    }
    const folder = planted('sharedFolder');
    const noContent = await graphRejection(
      client().api(`/drives/${folder.driveId}/items/${folder.itemId}/content`).get(),
    );
    expect(noContent.statusCode).toBe(400);
    const missing = await graphRejection(
      client().api(`/drives/${driveId}/items/01NOTANITEMNOTANITEMNOTANITEM00000/permissions`).get(),
    );
    expect(missing.code).toBe('itemNotFound');
  });
});

describe('Microsoft simulator drive delta after changes', () => {
  let sim: MicrosoftSimulator;
  let token: string;
  const client = () => graphFor(sim, token);
  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ seed: 8, size: { users: 30, itemsPerDrive: 20, sites: 1 } });
    trustSimulator(sim);
    token = await tokenFor(sim);
  });
  afterAll(() => sim.close());

  const deltaLinkOf = async (driveId: string) => {
    const round = await allPages(client(), await client().api(`/drives/${driveId}/root/delta`).get());
    return round.last['@odata.deltaLink'] as string;
  };
  const follow = async (link: string, prefer?: string) => {
    const request = client().api(link);
    if (prefer) request.header('Prefer', prefer);
    const round = await allPages<Item>(client(), await request.get());
    return { items: round.items, deltaLink: round.last['@odata.deltaLink'] as string };
  };

  it('reports shares, edits, additions and deletions; sharedChanged only with the Prefer header', async () => {
    const { driveId, itemId } = sim.tenant.planted.items.private as { driveId: string; itemId: string };
    const link = await deltaLinkOf(driveId);
    expect((await follow(link)).items).toEqual([]);

    const shared = sim.mutate.shareItem(driveId, itemId, { link: { scope: 'anonymous', type: 'view' } });
    const other = sim.tenant.planted.items.anonymousView as { itemId: string };
    sim.mutate.updateItem(driveId, other.itemId, { content: 'new text' });
    const added = sim.mutate.addItem(driveId, {
      name: 'Minutes.txt',
      mimeType: 'text/plain',
      content: 'hello',
    });
    const gone = sim.tenant.planted.items.organizationView as { itemId: string };
    sim.mutate.deleteItem(driveId, gone.itemId);

    const plain = await follow(link);
    expect(plain.items.map((i) => i.id)).toEqual([itemId, other.itemId, added.id, gone.itemId]);
    expect(plain.items[0]?.shared).toEqual({ scope: 'anonymous' });
    expect(plain.items.some((i) => i['@microsoft.graph.sharedChanged'])).toBe(false);
    expect(plain.items[3]).toMatchObject({ deleted: { state: 'deleted' } });
    expect(plain.items[3]?.name).toBeUndefined();

    const annotated = await follow(link, SHARING_PREFER);
    expect(
      annotated.items.filter((i) => i['@microsoft.graph.sharedChanged'] === 'True').map((i) => i.id),
    ).toEqual([itemId]);

    sim.mutate.unshareItem(driveId, itemId, shared.id);
    const next = await follow(annotated.deltaLink, SHARING_PREFER);
    expect(next.items).toHaveLength(1);
    expect(next.items[0]).toMatchObject({ id: itemId, '@microsoft.graph.sharedChanged': 'True' });
    expect(next.items[0]?.shared).toBeUndefined();
  });

  it('passes a folder’s link to the items inside it; a re-shared folder brings them into delta without the preference', async () => {
    const { driveId, itemId } = sim.tenant.planted.items.sharedFolder as { driveId: string; itemId: string };
    sim.mutate.addItem(driveId, {
      name: 'Deliverable.txt',
      mimeType: 'text/plain',
      content: 'v1',
      parentId: itemId,
    });
    const children = (await client().api(`/drives/${driveId}/root/delta`).get()).value.filter(
      (i: Item) => i.parentReference.id === itemId,
    ) as Item[];
    expect(children.length).toBeGreaterThan(0);
    const plainChild = children.find((c) => !c.shared);
    const inherited = (
      await client().api(`/drives/${driveId}/items/${plainChild?.id}/permissions`).get()
    ).value.find((p: Permission) => p.link) as Permission;
    expect(inherited).toMatchObject({
      link: { scope: 'anonymous', type: 'view' },
      inheritedFrom: { driveId, id: itemId },
    });

    const link = await deltaLinkOf(driveId);
    sim.mutate.shareItem(driveId, itemId, { link: { scope: 'organization', type: 'edit' } });
    const plain = await follow(link);
    expect(plain.items.map((i) => i.id)).toEqual([itemId, ...children.map((c) => c.id)]);
    const annotated = await follow(link, SHARING_PREFER);
    expect(annotated.items.map((i) => [i.id, i['@microsoft.graph.sharedChanged']])).toEqual([
      [itemId, 'True'],
    ]);
  });

  it('needs Sites.FullControl.All for sharedChanged', async () => {
    const { driveId, itemId } = sim.tenant.planted.items.internalShare as { driveId: string; itemId: string };
    const link = await deltaLinkOf(driveId);
    sim.mutate.shareItem(driveId, itemId, { link: { scope: 'organization', type: 'edit' } });
    sim.mutate.setScannerRoles({ graph: ['Sites.Read.All'] });
    try {
      const reader = graphFor(sim, await tokenFor(sim, 'certificate'));
      const page = await reader.api(link).header('Prefer', SHARING_PREFER).get();
      expect(page.value).toHaveLength(1);
      expect(page.value[0]['@microsoft.graph.sharedChanged']).toBeUndefined();
    } finally {
      sim.mutate.setScannerRoles({
        graph: [...sim.auth.consentRoles.graph],
        sharepoint: sim.auth.consentRoles.sharepoint,
      });
    }
  });

  it('answers token=latest with only a deltaLink, and a timestamp token with items modified since', async () => {
    const drive = sim.tenant.drives[1];
    const latest = await client().api(`/drives/${drive?.id}/root/delta`).query({ token: 'latest' }).get();
    expect(latest.value).toEqual([]);
    const first = sim.tenant.items.driveRange(drive?.index ?? 0).start + 5;
    const item = sim.tenant.items.get(first);
    sim.mutate.updateItem(drive?.id ?? '', item?.id ?? '', { name: 'Renamed.docx' });
    expect((await follow(latest['@odata.deltaLink'])).items.map((i) => i.name)).toEqual(['Renamed.docx']);

    const since = new Date(Date.now() - 60_000).toISOString();
    const recent = await client().api(`/drives/${drive?.id}/root/delta`).query({ token: since }).get();
    expect(recent.value.map((i: Item) => i.id)).toEqual([item?.id]);
  });

  it('answers 410 resyncChangesApplyDifferences with a Location that restarts the enumeration', async () => {
    const drive = sim.tenant.drives[2];
    const link = await deltaLinkOf(drive?.id ?? '');
    sim.mutate.invalidateDriveDeltaTokens(drive?.id ?? '');
    const gone = await graphRejection(client().api(link).get());
    expect(gone.statusCode).toBe(410);
    expect(gone.code).toBe('resyncChangesApplyDifferences');
    const location = gone.headers?.get('location') ?? '';
    expect(location).toContain(`/v1.0/drives/${drive?.id}/root/delta?token=`);
    const restart = await allPages<Item>(client(), await client().api(location).get());
    expect(restart.items[0]?.root).toEqual({});
    expect(restart.items).toHaveLength(21);
    // The other drives' tokens are unaffected.
    expect(
      (
        await client()
          .api(await deltaLinkOf(sim.tenant.drives[3]?.id ?? ''))
          .get()
      ).value,
    ).toEqual([]);
  });
});
