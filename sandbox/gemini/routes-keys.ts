/**
 * API Keys API v2: `projects.locations.keys.list`, `get` and `getKeyString`. The project is
 * named by id or number, the location must be `global`, and every call needs its IAM
 * permission on the project (403 PERMISSION_DENIED otherwise, also for a project that does not
 * exist, as Google answers). `keyString` is never part of a Key.
 */
import type { GeminiCall, GeminiRoute } from './route-types.ts';
import type { CloudProject, StoredKey } from './types.ts';
import {
  clampPageSize,
  cloudError,
  decodePageToken,
  encodePageToken,
  type GoogleReply,
  invalidArgument,
} from './wire.ts';

const DEFAULT_PAGE_SIZE = 300;

function projectOf(call: GeminiCall): CloudProject | undefined {
  const wanted = call.params.project;
  return [call.tenant.project, call.tenant.otherProject].find(
    (p) => p.projectId === wanted || p.projectNumber === wanted,
  );
}

function denied(permission: string, call: GeminiCall): GoogleReply {
  const resource = `projects/${call.params.project}/locations/${call.params.location}`;
  return cloudError(
    403,
    `Permission '${permission}' denied on resource '//apikeys.googleapis.com/${resource}' (or it may not exist).`,
    {
      reason: 'IAM_PERMISSION_DENIED',
      domain: 'apikeys.googleapis.com',
      metadata: { permission, resource },
    },
  );
}

/** The project, once the location and the caller's permission on it check out. */
function authorize(call: GeminiCall, permission: string): CloudProject | GoogleReply {
  if (call.params.location !== 'global') {
    return invalidArgument(`Location '${call.params.location}' is not supported; API keys live in 'global'.`);
  }
  const project = projectOf(call);
  // Only the scanned project grants the scanner anything; any other is "denied (or may not exist)".
  if (project !== call.tenant.project || !call.permissions.has(permission)) return denied(permission, call);
  return project;
}

/** The documented Key fields only, as a fresh object (never the stored one, never keyString). */
export function wireKey(stored: StoredKey): Record<string, unknown> {
  return JSON.parse(JSON.stringify(stored.key)) as Record<string, unknown>;
}

function findKey(call: GeminiCall, project: CloudProject): StoredKey | undefined {
  return call.tenant.keys.find((k) => k.projectId === project.projectId && k.key.uid === call.params.key);
}

const notFound = (call: GeminiCall) =>
  cloudError(404, `Key '${call.params.key}' not found.`, {
    reason: 'NOT_FOUND',
    domain: 'apikeys.googleapis.com',
  });

export const keyRoutes: GeminiRoute[] = [
  {
    method: 'GET',
    template: '/v2/projects/{project}/locations/{location}/keys',
    auth: 'oauth',
    handle(call) {
      const project = authorize(call, 'apikeys.keys.list');
      if ('status' in project) return project;
      const size = clampPageSize(call.query.get('pageSize'), DEFAULT_PAGE_SIZE, call.pageLimits.keys);
      if (typeof size !== 'number') return size;
      const showDeleted = call.query.get('showDeleted') === 'true';
      const token = call.query.get('pageToken');
      const state = decodePageToken(token);
      if (token && (!state || state.p !== project.projectNumber || Boolean(state.d) !== showDeleted)) {
        return invalidArgument('Invalid page token.');
      }
      const offset = Number(state?.o ?? 0);
      const visible = call.tenant.keys.filter(
        (k) => k.projectId === project.projectId && (showDeleted || !k.key.deleteTime),
      );
      const page = visible.slice(offset, offset + size);
      const next = offset + size < visible.length;
      return {
        status: 200,
        body: {
          keys: page.map(wireKey),
          // As in Google's own example responses: an empty token on the last page.
          nextPageToken: next
            ? encodePageToken({ o: offset + size, p: project.projectNumber, d: showDeleted ? 1 : 0 })
            : '',
        },
      };
    },
  },
  {
    method: 'GET',
    template: '/v2/projects/{project}/locations/{location}/keys/{key}',
    auth: 'oauth',
    handle(call) {
      const project = authorize(call, 'apikeys.keys.get');
      if ('status' in project) return project;
      const stored = findKey(call, project);
      return stored ? { status: 200, body: wireKey(stored) } : notFound(call);
    },
  },
  {
    // Served because the API has it; a scanner must never call it (tests count its calls).
    method: 'GET',
    template: '/v2/projects/{project}/locations/{location}/keys/{key}/keyString',
    auth: 'oauth',
    handle(call) {
      const project = authorize(call, 'apikeys.keys.getKeyString');
      if ('status' in project) return project;
      const stored = findKey(call, project);
      return stored ? { status: 200, body: { keyString: stored.keyString } } : notFound(call);
    },
  },
];
