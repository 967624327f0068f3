/**
 * The tenant's audit log for the Reports API (`activities.list`): token, drive, login and
 * gemini_in_workspace_apps activities. Activities are kept per application in (time, seq)
 * order, with a per-actor index, so a page is a binary search plus a short backwards walk.
 * Generation writes a small fixed history (per grant, per user — never per file); mutations
 * append to it through the builders below, which give every event Google's parameter shapes.
 */
import { MIME } from './file-store.ts';
import type { DriveFile, GoogleOAuthGrant, GooglePermission, GoogleTenant, PermissionRole } from './types.ts';

export const REPORT_APPLICATIONS = ['token', 'drive', 'login', 'gemini_in_workspace_apps'] as const;
export type ReportApplication = (typeof REPORT_APPLICATIONS)[number];

/**
 * A parameter value as stored; serialised by type: string → `value`, number → `intValue`,
 * boolean → `boolValue`, string[] → `multiValue`, object[] → `multiMessageValue`.
 */
export type ParamValue =
  | string
  | number
  | boolean
  | readonly string[]
  | ReadonlyArray<{ readonly [name: string]: ParamValue }>;
export type EventParams = { [name: string]: ParamValue | undefined };

export interface ActivityEvent {
  type: string;
  name: string;
  parameters: EventParams;
}

export interface Activity {
  /** Insertion order (generated history first, in time order); the uniqueQualifier derives from it. */
  seq: number;
  /** Epoch milliseconds. */
  time: number;
  application: ReportApplication;
  /** User index of the actor. */
  actor: number;
  /** Default: a documentation address derived from the actor. */
  ipAddress?: string;
  events: ActivityEvent[];
}

export type NewActivity = Omit<Activity, 'seq'>;

export interface EventLog {
  readonly size: number;
  /** Appends one activity (a mutation) at its time position; returns it with its seq. */
  add(activity: NewActivity): Activity;
  /** Activities of one application, ascending by (time, seq). Do not modify. */
  list(application: ReportApplication): readonly Activity[];
  /** One actor's activities of one application, ascending by (time, seq). */
  ofActor(application: ReportApplication, actor: number): readonly Activity[];
}

const before = (a: Activity, b: Activity) => a.time < b.time || (a.time === b.time && a.seq < b.seq);

/** First position in `list` whose element is not before `probe` (lower bound). */
export function lowerBound(list: readonly Activity[], time: number, seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = list[mid] as Activity;
    if (item.time < time || (item.time === time && item.seq < seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: Activity[], activity: Activity): void {
  const at = lowerBound(list, activity.time, activity.seq);
  if (at === list.length) list.push(activity);
  else list.splice(at, 0, activity);
}

/** Builds the log from generated history (any order): sorted once, then indexed per actor. */
export function createEventLog(history: NewActivity[]): EventLog {
  const byApp = new Map<ReportApplication, Activity[]>(REPORT_APPLICATIONS.map((a) => [a, []]));
  const byActor = new Map<ReportApplication, Map<number, Activity[]>>(
    REPORT_APPLICATIONS.map((a) => [a, new Map()]),
  );
  const sorted = history
    .map((activity, i) => ({ activity, i }))
    .sort((a, b) => a.activity.time - b.activity.time || a.i - b.i);
  let seq = 0;
  const index = (activity: Activity, append: boolean) => {
    const actors = byActor.get(activity.application) as Map<number, Activity[]>;
    let mine = actors.get(activity.actor);
    if (!mine) {
      mine = [];
      actors.set(activity.actor, mine);
    }
    const all = byApp.get(activity.application) as Activity[];
    if (append) {
      all.push(activity);
      mine.push(activity);
    } else {
      insertSorted(all, activity);
      insertSorted(mine, activity);
    }
  };
  for (const { activity } of sorted) index({ ...activity, seq: seq++ }, true);

  return {
    get size() {
      return seq;
    },
    add(activity) {
      const full: Activity = { ...activity, seq: seq++ };
      const all = byApp.get(full.application) as Activity[];
      const last = all[all.length - 1];
      index(full, !last || before(last, full));
      return full;
    },
    list: (application) => byApp.get(application) ?? [],
    ofActor: (application, actor) => byActor.get(application)?.get(actor) ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// Serialisation

/** Google's uniqueQualifier is a signed 64-bit number; this one is stable per seq. */
export const uniqueQualifierOf = (seq: number) =>
  String(-5_153_173_006_988_512_167n + BigInt(seq) * 104_729_137n);

export const ipAddressOf = (actor: number) => `203.0.113.${(actor % 254) + 1}`;

function serializeParams(params: EventParams): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === 'string') out.push({ name, value });
    else if (typeof value === 'number') out.push({ name, intValue: String(value) });
    else if (typeof value === 'boolean') out.push({ name, boolValue: value });
    else if (value.length > 0 && typeof value[0] === 'object') {
      out.push({
        name,
        multiMessageValue: (value as ReadonlyArray<EventParams>).map((m) => ({
          parameter: serializeParams(m),
        })),
      });
    } else out.push({ name, multiValue: [...(value as readonly string[])] });
  }
  return out;
}

/** Product buckets Google attaches to a token scope in `scope_data`. */
export function productBucketsOf(scope: string): string[] {
  const s = scope.replace('https://www.googleapis.com/auth/', '');
  if (scope === 'https://mail.google.com/' || s.startsWith('gmail.')) return ['GMAIL'];
  if (s.startsWith('drive')) return ['DRIVE'];
  if (s.startsWith('calendar')) return ['CALENDAR'];
  if (s.startsWith('documents') || s.startsWith('spreadsheets') || s.startsWith('presentations'))
    return ['DOCS'];
  if (['openid', 'email', 'profile'].includes(scope) || s.startsWith('userinfo.')) return ['IDENTITY'];
  return ['OTHER'];
}

function serializeEvent(application: ReportApplication, event: ActivityEvent) {
  let params = event.parameters;
  // scope_data is derived, not stored: history shares the grant's scope array.
  if (application === 'token' && event.name === 'authorize' && Array.isArray(params.scope)) {
    params = {
      ...params,
      scope_data: (params.scope as readonly string[]).map((scope) => ({
        scope_name: scope,
        product_bucket: productBucketsOf(scope),
      })),
    };
  }
  return { type: event.type, name: event.name, parameters: serializeParams(params) };
}

export function serializeActivity(tenant: GoogleTenant, activity: Activity, events = activity.events) {
  const actor = tenant.users[activity.actor];
  const uniqueQualifier = uniqueQualifierOf(activity.seq);
  return {
    kind: 'admin#reports#activity',
    id: {
      time: new Date(activity.time).toISOString(),
      uniqueQualifier,
      applicationName: activity.application,
      customerId: tenant.customerId,
    },
    etag: `"sim-a${uniqueQualifier}"`,
    actor: { email: actor?.primaryEmail, profileId: actor?.id, callerType: 'USER' },
    ipAddress: activity.ipAddress ?? ipAddressOf(activity.actor),
    events: events.map((event) => serializeEvent(activity.application, event)),
  };
}

// ---------------------------------------------------------------------------------------------
// Builders: token

export function tokenAuthorize(actor: number, grant: GoogleOAuthGrant, time: number): NewActivity {
  return {
    time,
    application: 'token',
    actor,
    events: [
      {
        type: 'auth',
        name: 'authorize',
        parameters: {
          client_id: grant.clientId,
          app_name: grant.displayText,
          client_type: grant.nativeApp ? 'NATIVE_DESKTOP' : 'WEB',
          scope: grant.scopes,
        },
      },
    ],
  };
}

export function tokenRevoke(actor: number, grant: GoogleOAuthGrant, time: number): NewActivity {
  return {
    time,
    application: 'token',
    actor,
    events: [
      {
        type: 'auth',
        name: 'revoke',
        parameters: { client_id: grant.clientId, app_name: grant.displayText },
      },
    ],
  };
}

/** The API a grant's use most likely called, from its widest data scope. */
function apiOf(grant: GoogleOAuthGrant): { api: string; method: string } {
  const buckets = grant.scopes.flatMap(productBucketsOf);
  if (buckets.includes('DRIVE')) return { api: 'drive', method: 'drive.files.list' };
  if (buckets.includes('GMAIL')) return { api: 'gmail', method: 'gmail.users.messages.list' };
  if (buckets.includes('CALENDAR')) return { api: 'calendar', method: 'calendar.events.list' };
  if (buckets.includes('DOCS')) return { api: 'sheets', method: 'sheets.spreadsheets.get' };
  return { api: 'oauth2', method: 'oauth2.userinfo.get' };
}

export function tokenActivity(
  actor: number,
  grant: GoogleOAuthGrant,
  time: number,
  call: { apiName?: string; methodName?: string; responseBytes?: number } = {},
): NewActivity {
  const guess = apiOf(grant);
  return {
    time,
    application: 'token',
    actor,
    events: [
      {
        type: 'auth',
        name: 'activity',
        parameters: {
          client_id: grant.clientId,
          app_name: grant.displayText,
          api_name: call.apiName ?? guess.api,
          method_name: call.methodName ?? guess.method,
          num_response_bytes: call.responseBytes ?? 2048,
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Builders: login and Gemini

export function loginActivity(actor: number, time: number, success: boolean): NewActivity {
  return {
    time,
    application: 'login',
    actor,
    events: [
      {
        type: 'login',
        name: success ? 'login_success' : 'login_failure',
        parameters: {
          login_type: 'google_password',
          login_challenge_method: ['password'],
          ...(success ? {} : { login_failure_type: 'login_failure_invalid_password' }),
          is_suspicious: false,
        },
      },
    ],
  };
}

export interface GeminiUse {
  /** `docs`, `gmail`, `sheets`, `slides`, `drive` … Default `docs`. */
  app?: string;
  /** `generate_text`, `summarize`, `help_me_write` … Default `generate_text`. */
  action?: string;
  /** Default `side_panel`. */
  featureSource?: string;
}

export function geminiActivity(actor: number, time: number, use: GeminiUse = {}): NewActivity {
  return {
    time,
    application: 'gemini_in_workspace_apps',
    actor,
    events: [
      {
        type: 'feature_utilization',
        name: 'feature_utilization',
        parameters: {
          app_name: use.app ?? 'docs',
          action: use.action ?? 'generate_text',
          feature_source: use.featureSource ?? 'side_panel',
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Builders: drive

const DOC_TYPES: Record<string, string> = {
  [MIME.doc]: 'document',
  [MIME.sheet]: 'spreadsheet',
  [MIME.slides]: 'presentation',
  [MIME.pdf]: 'pdf',
  [MIME.text]: 'text',
  [MIME.csv]: 'csv',
};

const domainOf = (email: string | undefined) => email?.split('@')[1]?.toLowerCase();

/** Drive audit `visibility` of a file from its permissions (widest first). */
export function visibilityOf(tenant: GoogleTenant, file: Pick<DriveFile, 'permissions'>): string {
  const internal = tenant.domain.toLowerCase();
  const has = (test: (p: GooglePermission) => boolean) => file.permissions.some(test);
  if (has((p) => p.type === 'anyone' && p.allowFileDiscovery === true)) return 'public_on_the_web';
  if (has((p) => p.type === 'anyone')) return 'people_with_link';
  const external = (p: GooglePermission) =>
    p.type === 'domain'
      ? p.domain?.toLowerCase() !== internal
      : (p.type === 'user' || p.type === 'group') && domainOf(p.emailAddress) !== internal;
  if (has(external)) return 'shared_externally';
  if (has((p) => p.type === 'domain' && p.allowFileDiscovery === true)) return 'public_in_the_domain';
  if (has((p) => p.type === 'domain')) return 'people_within_domain_with_link';
  if (has((p) => p.role !== 'owner')) return 'shared_internally';
  return 'private';
}

const ROLE_VALUES: Record<PermissionRole, string> = {
  owner: 'owner',
  organizer: 'can_organize',
  fileOrganizer: 'can_organize',
  writer: 'can_edit',
  commenter: 'can_comment',
  reader: 'can_view',
};
const roleValue = (p: GooglePermission | undefined) => (p ? ROLE_VALUES[p.role] : 'none');

/** The actor of a drive change: the owner, or a shared drive's first organizer (else the admin). */
export function driveActorOf(tenant: GoogleTenant, file: DriveFile): number {
  if (file.drive < 0) return Math.max(0, file.owner);
  const members = tenant.drives[file.drive]?.members ?? [];
  return (members.find((m) => m.role === 'organizer') ?? members[0])?.user ?? 0;
}

/** Parameters every drive event of this file carries (owner or shared drive, title, visibility). */
function docParams(tenant: GoogleTenant, file: DriveFile): EventParams {
  const drive = file.drive >= 0 ? tenant.drives[file.drive] : undefined;
  return {
    doc_id: file.id,
    doc_title: file.name,
    doc_type: DOC_TYPES[file.mimeType] ?? 'unknown',
    owner: drive ? drive.name : tenant.users[file.owner]?.primaryEmail,
    owner_is_shared_drive: drive !== undefined,
    shared_drive_id: drive?.id,
    visibility: visibilityOf(tenant, file),
  };
}

export function driveActivity(
  tenant: GoogleTenant,
  file: DriveFile,
  time: number,
  events: Array<{ type: 'access' | 'acl_change'; name: string; extra?: EventParams }>,
  actor = driveActorOf(tenant, file),
): NewActivity {
  const common = docParams(tenant, file);
  return {
    time,
    application: 'drive',
    actor,
    events: events.map((event, i) => ({
      type: event.type,
      name: event.name,
      parameters: { ...common, primary_event: i === 0, ...event.extra },
    })),
  };
}

/** The acl_change events that take a file from `before` to `after` (undefined when nothing changed). */
export function aclChange(
  tenant: GoogleTenant,
  previous: DriveFile,
  next: DriveFile,
  time: number,
): NewActivity | undefined {
  const events: Array<{ type: 'acl_change'; name: string; extra?: EventParams }> = [];
  const oldVisibility = visibilityOf(tenant, previous);
  const newVisibility = visibilityOf(tenant, next);
  if (oldVisibility !== newVisibility) {
    events.push({
      type: 'acl_change',
      name: 'change_document_visibility',
      extra: { old_value: [oldVisibility], new_value: [newVisibility] },
    });
  }
  const ids = new Set([...previous.permissions, ...next.permissions].map((p) => p.id));
  for (const id of ids) {
    const was = previous.permissions.find((p) => p.id === id);
    const now = next.permissions.find((p) => p.id === id);
    if (was && now && was.role === now.role) continue;
    const p = (now ?? was) as GooglePermission;
    const values = { old_value: [roleValue(was)], new_value: [roleValue(now)] };
    if (p.type === 'user' || p.type === 'group') {
      events.push({
        type: 'acl_change',
        name: 'change_user_access',
        extra: { target_user: p.emailAddress, ...values },
      });
    } else {
      events.push({
        type: 'acl_change',
        name: 'change_document_access_scope',
        extra: { target_domain: p.type === 'anyone' ? 'all' : p.domain, ...values },
      });
    }
  }
  return events.length > 0 ? driveActivity(tenant, next, time, events) : undefined;
}
