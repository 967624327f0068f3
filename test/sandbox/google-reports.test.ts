import type { admin_reports_v1 } from '@googleapis/admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GoogleSimulator, MIME, OAUTH_APPS, startGoogleSimulator } from '../../sandbox/index.ts';
import { adminFor, jwtFor, reasonOf, rejectionOf, reportsFor, SCOPES } from './google-support.ts';

type Activity = admin_reports_v1.Schema$Activity;
type Params = admin_reports_v1.Params$Resource$Activities$List;

const param = (activity: Activity | undefined, name: string, event = 0) =>
  activity?.events?.[event]?.parameters?.find((p) => p.name === name);

describe('Google simulator Reports API', () => {
  let sim: GoogleSimulator;
  beforeAll(async () => {
    sim = await startGoogleSimulator({ seed: 3, size: { users: 60, filesPerUser: 20, tokensPerUser: 2 } });
  });
  afterAll(() => sim.close());

  const reports = (subject = sim.adminEmail) => reportsFor(sim, jwtFor(sim, subject, [SCOPES.reports]));

  async function all(params: Params): Promise<{ items: Activity[]; pages: number }> {
    const api = reports();
    const items: Activity[] = [];
    let pageToken = params.pageToken;
    let pages = 0;
    do {
      const res = await api.activities.list({ ...params, pageToken });
      items.push(...(res.data.items ?? []));
      pageToken = res.data.nextPageToken ?? undefined;
      pages += 1;
    } while (pageToken);
    return { items, pages };
  }

  const personaEmail = (key: string) => sim.tenant.planted.users[key] as string;

  it('logs an authorize event for every generated grant, newest first, in Google’s shapes', async () => {
    const expected = sim.tenant.users.flatMap((u) =>
      (sim.tenant.grants.get(u.index) ?? []).map((g) => `${u.primaryEmail} ${g.clientId}`),
    );
    expect(expected.length).toBeGreaterThan(50);
    const before = sim.requests.count(
      'GET',
      '/admin/reports/v1/activity/users/{userKey}/applications/{applicationName}',
    );
    const { items, pages } = await all({
      userKey: 'all',
      applicationName: 'token',
      eventName: 'authorize',
      maxResults: 7,
    });
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(
      sim.requests.count('GET', '/admin/reports/v1/activity/users/{userKey}/applications/{applicationName}'),
    ).toBe(before + pages);
    expect(items.map((a) => `${a.actor?.email} ${param(a, 'client_id')?.value}`).sort()).toEqual(
      expected.sort(),
    );
    const times = items.map((a) => Date.parse(a.id?.time ?? ''));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(items.map((a) => a.id?.uniqueQualifier)).size).toBe(items.length);

    const first = items[0] as Activity;
    const user = sim.tenant.users.find((u) => u.primaryEmail === first.actor?.email)!;
    const grant = (sim.tenant.grants.get(user.index) ?? []).find(
      (g) => g.clientId === param(first, 'client_id')?.value,
    )!;
    expect(first).toMatchObject({
      kind: 'admin#reports#activity',
      id: { applicationName: 'token', customerId: sim.customerId, uniqueQualifier: expect.any(String) },
      actor: { email: user.primaryEmail, profileId: user.id, callerType: 'USER' },
      ipAddress: expect.any(String),
    });
    expect(first.events?.[0]).toMatchObject({ type: 'auth', name: 'authorize' });
    expect(param(first, 'app_name')?.value).toBe(grant.displayText);
    expect(param(first, 'client_type')?.value).toBe(grant.nativeApp ? 'NATIVE_DESKTOP' : 'WEB');
    expect(param(first, 'scope')?.multiValue).toEqual(grant.scopes);
    const scopeData = param(first, 'scope_data')?.multiMessageValue ?? [];
    expect(scopeData.map((m) => m.parameter?.find((p) => p.name === 'scope_name')?.value)).toEqual(
      grant.scopes,
    );
    expect(scopeData[0]?.parameter?.find((p) => p.name === 'product_bucket')?.multiValue?.length).toBe(1);
  });

  it('logs token activity (last use) after the grant’s authorize, with api and method names', async () => {
    const { items: uses } = await all({ userKey: 'all', applicationName: 'token', eventName: 'activity' });
    expect(uses.length).toBeGreaterThan(10);
    const { items: grants } = await all({ userKey: 'all', applicationName: 'token', eventName: 'authorize' });
    const authorizedAt = new Map(
      grants.map((a) => [`${a.actor?.email} ${param(a, 'client_id')?.value}`, Date.parse(a.id?.time ?? '')]),
    );
    for (const use of uses) {
      const at = authorizedAt.get(`${use.actor?.email} ${param(use, 'client_id')?.value}`);
      expect(at).toBeDefined();
      expect(Date.parse(use.id?.time ?? '')).toBeGreaterThanOrEqual(at as number);
      expect(param(use, 'api_name')?.value).toBeTruthy();
      expect(param(use, 'method_name')?.value).toBeTruthy();
      expect(Number(param(use, 'num_response_bytes')?.intValue)).toBeGreaterThan(0);
    }
  });

  it('filters by user (email or id), a [startTime, endTime) window and the event name', async () => {
    const ken = sim.tenant.users.find((u) => u.primaryEmail === personaEmail('user2sv'))!;
    const byEmail = await all({ userKey: ken.primaryEmail, applicationName: 'token' });
    const byId = await all({ userKey: ken.id, applicationName: 'token' });
    expect(byEmail.items.length).toBeGreaterThanOrEqual(sim.tenant.grants.get(ken.index)?.length ?? 0);
    expect(byId.items).toEqual(byEmail.items);
    expect(byEmail.items.every((a) => a.actor?.email === ken.primaryEmail)).toBe(true);

    const pivot = byEmail.items[1] as Activity;
    const at = pivot.id?.time as string;
    const from = await all({ userKey: ken.primaryEmail, applicationName: 'token', startTime: at });
    expect(from.items.map((a) => a.id?.uniqueQualifier)).toContain(pivot.id?.uniqueQualifier);
    expect(from.items.every((a) => Date.parse(a.id?.time ?? '') >= Date.parse(at))).toBe(true);
    const until = await all({ userKey: ken.primaryEmail, applicationName: 'token', endTime: at });
    expect(until.items.map((a) => a.id?.uniqueQualifier)).not.toContain(pivot.id?.uniqueQualifier);
    expect(until.items.every((a) => Date.parse(a.id?.time ?? '') < Date.parse(at))).toBe(true);
    expect(from.items.length + until.items.length).toBe(byEmail.items.length);

    const revokes = await reports().activities.list({
      userKey: 'all',
      applicationName: 'token',
      eventName: 'revoke',
    });
    expect('items' in revokes.data).toBe(false);
    expect(revokes.data.kind).toBe('admin#reports#activities');
    const future = await reports().activities.list({
      userKey: 'all',
      applicationName: 'login',
      startTime: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.data.items).toBeUndefined();
  });

  it('rejects bad parameters and non-admin callers in Google’s error envelope', async () => {
    const api = reports();
    for (const maxResults of [0, 1001]) {
      const error = await rejectionOf(
        api.activities.list({ userKey: 'all', applicationName: 'token', maxResults }),
      );
      expect(error.status).toBe(400);
      expect(reasonOf(error)).toBe('badRequest');
    }
    const unknownApp = await rejectionOf(api.activities.list({ userKey: 'all', applicationName: 'admin' }));
    expect(unknownApp.status).toBe(400);
    const badTime = await rejectionOf(
      api.activities.list({ userKey: 'all', applicationName: 'token', startTime: 'yesterday' }),
    );
    expect(badTime.status).toBe(400);
    const otherCustomer = await rejectionOf(
      api.activities.list({ userKey: 'all', applicationName: 'token', customerId: 'C0other' }),
    );
    expect(otherCustomer.status).toBe(400);
    const ok = await api.activities.list({
      userKey: 'all',
      applicationName: 'token',
      customerId: sim.customerId,
    });
    expect(ok.data.items?.length).toBeGreaterThan(0);
    const nobody = await rejectionOf(
      api.activities.list({ userKey: `nobody@${sim.domain}`, applicationName: 'token' }),
    );
    expect(nobody.status).toBe(404);

    const plain = reports(personaEmail('user2sv'));
    const denied = await rejectionOf(plain.activities.list({ userKey: 'all', applicationName: 'login' }));
    expect(denied.status).toBe(403);
    expect(reasonOf(denied)).toBe('forbidden');
    const noScope = reportsFor(sim, jwtFor(sim, sim.adminEmail, [SCOPES.users]));
    const scope = await rejectionOf(noScope.activities.list({ userKey: 'all', applicationName: 'token' }));
    expect(scope.status).toBe(403);
    expect(reasonOf(scope)).toBe('insufficientPermissions');
  });

  it('logs Gemini use for the planted users and login events that match lastLoginTime', async () => {
    const { items } = await all({ userKey: 'all', applicationName: 'gemini_in_workspace_apps' });
    const actors = new Set(items.map((a) => a.actor?.email));
    for (const key of ['gemini2sv', 'geminiNo2sv', 'geminiSuspended'])
      expect(actors).toContain(personaEmail(key));
    const use = items.find((a) => a.actor?.email === personaEmail('geminiNo2sv'));
    expect(use?.events?.[0]).toMatchObject({ type: 'feature_utilization', name: 'feature_utilization' });
    expect(['docs', 'gmail', 'sheets']).toContain(param(use, 'app_name')?.value);
    expect(param(use, 'action')?.value).toBeTruthy();
    expect(param(use, 'feature_source')?.value).toBeTruthy();

    const ken = sim.tenant.users.find((u) => u.primaryEmail === personaEmail('user2sv'))!;
    const logins = await all({
      userKey: ken.primaryEmail,
      applicationName: 'login',
      eventName: 'login_success',
    });
    expect(logins.items[0]?.id?.time).toBe(ken.lastLoginTime);
    expect(param(logins.items[0], 'login_type')?.value).toBe('google_password');
    const never = await all({ userKey: personaEmail('neverLoggedIn'), applicationName: 'login' });
    expect(never.items).toEqual([]);

    const at = new Date();
    sim.mutate.recordLogin(ken.primaryEmail, { success: false, at: new Date(at.getTime() - 1000) });
    sim.mutate.recordLogin(ken.primaryEmail, { at });
    expect(ken.lastLoginTime).toBe(at.toISOString());
    const latest = await reports().activities.list({
      userKey: ken.primaryEmail,
      applicationName: 'login',
      maxResults: 2,
    });
    expect(latest.data.items?.map((a) => a.events?.[0]?.name)).toEqual(['login_success', 'login_failure']);
  });

  it('logs the planted shares as drive acl_change events naming the owner', async () => {
    const fileId = sim.tenant.planted.files.publicEdit as string;
    const { items } = await all({ userKey: 'all', applicationName: 'drive', filters: `doc_id==${fileId}` });
    expect(items).toHaveLength(1);
    const activity = items[0] as Activity;
    expect(activity.actor?.email).toBe(personaEmail('fileSharer'));
    expect(activity.events?.map((e) => `${e.type}/${e.name}`)).toEqual([
      'acl_change/change_document_visibility',
      'acl_change/change_document_access_scope',
    ]);
    expect(param(activity, 'owner')?.value).toBe(personaEmail('fileSharer'));
    expect(param(activity, 'owner_is_shared_drive')?.boolValue).toBe(false);
    expect(param(activity, 'new_value')?.multiValue).toEqual(['people_with_link']);
    expect(param(activity, 'primary_event')?.boolValue).toBe(true);
    expect(param(activity, 'target_domain', 1)?.value).toBe('all');
    expect(param(activity, 'new_value', 1)?.multiValue).toEqual(['can_edit']);
  });

  it('appends events for grant and file mutations, keeping page tokens stable', async () => {
    const api = reports();
    const ken = personaEmail('user2sv');
    const app = {
      ...(OAUTH_APPS[3] as (typeof OAUTH_APPS)[number]),
      scopes: [...(OAUTH_APPS[3]?.scopes ?? [])],
    };
    sim.mutate.removeGrant(ken, app.clientId);
    sim.mutate.addGrant(ken, app);
    sim.mutate.recordTokenActivity(ken, app.clientId, { apiName: 'drive', methodName: 'drive.files.get' });
    sim.mutate.removeGrant(ken, app.clientId);
    const tokens = await api.activities.list({ userKey: ken, applicationName: 'token', maxResults: 3 });
    expect(tokens.data.items?.map((a) => a.events?.[0]?.name)).toEqual(['revoke', 'activity', 'authorize']);
    expect(param(tokens.data.items?.[1], 'method_name')?.value).toBe('drive.files.get');
    expect(param(tokens.data.items?.[2], 'client_type')?.value).toBe('NATIVE_DESKTOP');

    // A page token taken before new events continues where it stopped.
    const page1 = await api.activities.list({ userKey: 'all', applicationName: 'drive', maxResults: 2 });
    const fay = personaEmail('fileSharer');
    const privateId = sim.tenant.planted.files.private as string;
    sim.mutate.shareFile(privateId, {
      type: 'user',
      role: 'reader',
      emailAddress: 'auditor@example-audit.org',
    });
    expect(page1.data.nextPageToken).toBeTruthy();
    const rest = await all({
      userKey: 'all',
      applicationName: 'drive',
      maxResults: 2,
      pageToken: page1.data.nextPageToken ?? '',
    });
    const seen = [...(page1.data.items ?? []), ...rest.items].map((a) => a.id?.uniqueQualifier);
    expect(new Set(seen).size).toBe(seen.length);
    expect(rest.items.some((a) => param(a, 'doc_id')?.value === privateId)).toBe(false);

    const newest = await api.activities.list({ userKey: 'all', applicationName: 'drive', maxResults: 1 });
    const share = newest.data.items?.[0];
    expect(share?.actor?.email).toBe(fay);
    expect(share?.events?.map((e) => e.name)).toEqual(['change_document_visibility', 'change_user_access']);
    expect(param(share, 'doc_id')?.value).toBe(privateId);
    expect(param(share, 'owner')?.value).toBe(fay);
    expect(param(share, 'visibility')?.value).toBe('shared_externally');
    expect(param(share, 'target_user', 1)?.value).toBe('auditor@example-audit.org');
    expect(param(share, 'old_value', 1)?.multiValue).toEqual(['none']);
    expect(param(share, 'new_value', 1)?.multiValue).toEqual(['can_view']);

    // Shared-drive items name the drive, not a user.
    const drive = sim.tenant.drives[0]!;
    const created = sim.mutate.addFile({ driveId: drive.id }, { name: 'Drive memo', mimeType: MIME.doc });
    sim.mutate.shareFile(created.id, { type: 'domain', role: 'writer', domain: sim.domain });
    sim.mutate.updateFile(created.id, { trashed: true });
    sim.mutate.deleteFile(created.id);
    const { items } = await all({
      userKey: 'all',
      applicationName: 'drive',
      filters: `doc_id==${created.id}`,
    });
    expect(items.map((a) => a.events?.map((e) => e.name).join('+'))).toEqual([
      'delete',
      'trash',
      'change_document_visibility+change_document_access_scope',
      'create',
    ]);
    for (const a of items) {
      expect(param(a, 'owner')?.value).toBe(drive.name);
      expect(param(a, 'owner_is_shared_drive')?.boolValue).toBe(true);
      expect(param(a, 'shared_drive_id')?.value).toBe(drive.id);
    }
    expect(param(items[2], 'target_domain', 1)?.value).toBe(sim.domain);
    const onlyTrash = await all({ userKey: 'all', applicationName: 'drive', eventName: 'trash' });
    expect(onlyTrash.items.map((a) => param(a, 'doc_id')?.value)).toContain(created.id);
    expect(onlyTrash.items.every((a) => a.events?.every((e) => e.name === 'trash'))).toBe(true);
  });

  it('returns only the requested fields', async () => {
    const res = await reports().activities.list({
      userKey: 'all',
      applicationName: 'token',
      maxResults: 2,
      fields: 'nextPageToken,items(id(time,uniqueQualifier),actor/email)',
    });
    expect(Object.keys(res.data).sort()).toEqual(['items', 'nextPageToken']);
    expect(Object.keys(res.data.items?.[0] ?? {}).sort()).toEqual(['actor', 'id']);
    expect(Object.keys(res.data.items?.[0]?.id ?? {}).sort()).toEqual(['time', 'uniqueQualifier']);
    // Directory calls are unaffected by the Reports route.
    const users = await adminFor(sim, jwtFor(sim, sim.adminEmail, [SCOPES.users])).users.list({
      customer: 'my_customer',
      maxResults: 1,
    });
    expect(users.data.users).toHaveLength(1);
  });
});
