/**
 * Admin SDK Reports API `activities.list` for the token, drive, login and
 * gemini_in_workspace_apps applications: admins only, newest first, maxResults 1–1000
 * (default 1000; out of range is a 400, unlike the Drive page sizes), a [startTime, endTime)
 * window, `eventName` and a `filters` subset (`name==value`, `name<>value`, comma-joined).
 * Page tokens hold the (time, seq) of the last activity served, so events appended between
 * pages neither repeat nor shift anything.
 */
import {
  type Activity,
  type ActivityEvent,
  lowerBound,
  REPORT_APPLICATIONS,
  type ReportApplication,
  serializeActivity,
} from './events.ts';
import type { GoogleRoute } from './route-types.ts';
import { requireAdmin } from './routes-directory.ts';
import { badRequest, decodePageToken, encodePageToken, type GoogleReply, masked, notFound } from './wire.ts';

export const REPORTS_SCOPE = 'https://www.googleapis.com/auth/admin.reports.audit.readonly';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

function parseTime(raw: string | null, name: string): number | undefined | GoogleReply {
  if (raw === null || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (!RFC3339.test(raw) || Number.isNaN(ms))
    return badRequest(`Invalid value for: ${name} is not a valid value`);
  return ms;
}

type Filter = (event: ActivityEvent) => boolean;

/** `doc_id==abc,visibility<>private`: every condition must hold on the same event. */
function parseFilters(raw: string | null): Filter | GoogleReply {
  if (!raw?.trim()) return () => true;
  const conditions: Filter[] = [];
  for (const part of raw.split(',')) {
    const m = /^\s*([A-Za-z0-9_]+)\s*(==|<>)\s*(.*?)\s*$/.exec(part);
    if (!m) return badRequest(`Invalid value for: filters`);
    const [, name, op, value] = m as unknown as [string, string, string, string];
    conditions.push((event) => {
      const actual = event.parameters[name];
      const text = Array.isArray(actual) ? actual.map(String) : actual === undefined ? [] : [String(actual)];
      return op === '==' ? text.includes(value) : !text.includes(value);
    });
  }
  return (event) => conditions.every((c) => c(event));
}

export const reportRoutes: GoogleRoute[] = [
  {
    method: 'GET',
    template: '/admin/reports/v1/activity/users/{userKey}/applications/{applicationName}',
    scopes: [REPORTS_SCOPE],
    handle({ params, query, grant, tenant, auth }) {
      const denied = requireAdmin(grant.subject);
      if (denied) return denied;
      const application = params.applicationName as ReportApplication;
      if (!REPORT_APPLICATIONS.includes(application)) {
        return badRequest(`Invalid value '${params.applicationName}' for applicationName`);
      }
      const customerId = query.get('customerId');
      if (customerId && customerId !== tenant.customerId) return badRequest('Bad Request');
      const userKey = params.userKey ?? '';
      const actor = userKey === 'all' ? undefined : auth.findUser(userKey);
      if (userKey !== 'all' && !actor) return notFound('Resource Not Found: userKey');

      const start = parseTime(query.get('startTime'), 'startTime');
      if (typeof start === 'object') return start;
      const end = parseTime(query.get('endTime'), 'endTime');
      if (typeof end === 'object') return end;
      if (start !== undefined && end !== undefined && start > end) {
        return badRequest('Start time must be less than or equal to end time');
      }
      const rawMax = query.get('maxResults');
      const size = rawMax === null || rawMax === '' ? 1000 : Number(rawMax);
      if (!Number.isInteger(size) || size < 1 || size > 1000) {
        return badRequest(`Invalid value '${rawMax}'. Values must be within the range: [1, 1000]`);
      }
      const token = query.get('pageToken');
      const state = decodePageToken(token);
      if (token && (typeof state?.t !== 'number' || typeof state.s !== 'number')) {
        return badRequest('Invalid value for: pageToken');
      }
      const eventName = query.get('eventName');
      const filter = parseFilters(query.get('filters'));
      if (typeof filter !== 'function') return filter;

      const list = actor ? tenant.events.ofActor(application, actor.index) : tenant.events.list(application);
      let hi = list.length;
      if (end !== undefined) hi = Math.min(hi, lowerBound(list, end, Number.NEGATIVE_INFINITY));
      if (state) hi = Math.min(hi, lowerBound(list, state.t as number, state.s as number));
      const lo = start === undefined ? 0 : lowerBound(list, start, Number.NEGATIVE_INFINITY);

      const page: Array<[Activity, ActivityEvent[]]> = [];
      let more = false;
      for (let i = hi - 1; i >= lo; i -= 1) {
        const activity = list[i] as Activity;
        const events = activity.events.filter((e) => (!eventName || e.name === eventName) && filter(e));
        if (events.length === 0) continue;
        if (page.length === size) {
          more = true;
          break;
        }
        page.push([activity, events]);
      }
      const body: Record<string, unknown> = {
        kind: 'admin#reports#activities',
        etag: `"sim-r${tenant.events.size}"`,
      };
      if (page.length > 0)
        body.items = page.map(([activity, events]) => serializeActivity(tenant, activity, events));
      const last = page[page.length - 1]?.[0];
      if (more && last) body.nextPageToken = encodePageToken({ t: last.time, s: last.seq });
      return { status: 200, body: masked(body, query.get('fields'), '*') };
    },
  },
];
