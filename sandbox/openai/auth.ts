/**
 * Bearer-key checks as the API makes them: admin routes take only this org's `sk-admin-…` keys
 * (and each needs its read scope), project routes only a project's own keys. Unknown keys get
 * the real `invalid_api_key` answer, which quotes a masked fragment of the key — clients must not
 * pass that text on. A key that authenticates is marked used (`last_used_at`).
 */

import type { Reply } from './pagination.ts';
import type { AdminKey, AdminScope, OpenAIOrg, Project, ProjectKey } from './types.ts';
import { errorBody } from './wire.ts';

export type Caller =
  | { kind: 'admin'; key: AdminKey }
  | { kind: 'project'; project: Project; key: ProjectKey };

/** The masked echo OpenAI puts in its 401 ("sk-admi*****…wxyz"). */
function masked(key: string): string {
  return `${key.slice(0, 7)}${'*'.repeat(Math.max(0, key.length - 11))}${key.slice(-4)}`;
}

export function createKeyIndex(org: () => OpenAIOrg) {
  let admin = new Map<string, AdminKey>();
  let project = new Map<string, { project: Project; key: ProjectKey }>();
  const rebuild = () => {
    const o = org();
    admin = new Map(o.adminKeys.map((k) => [k.value, k]));
    project = new Map();
    for (const p of o.projects) for (const k of p.apiKeys) project.set(k.value, { project: p, key: k });
  };
  rebuild();
  const find = (value: string): Caller | null => {
    const a = admin.get(value);
    if (a) return { kind: 'admin', key: a };
    const p = project.get(value);
    return p ? { kind: 'project', ...p } : null;
  };
  /** The key's owner, or null; looked up again after a rebuild so tests may add keys at will. */
  const lookup = (value: string): Caller | null => {
    const found = find(value);
    if (found) return found;
    rebuild();
    return find(value);
  };
  return { lookup, rebuild };
}

export type KeyIndex = ReturnType<typeof createKeyIndex>;

export function authenticate(
  index: KeyIndex,
  header: string | undefined,
  access: 'admin' | 'project',
  scope: AdminScope | undefined,
  now: number,
): Caller | Reply {
  const bearer = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!bearer) {
    return {
      status: 401,
      body: errorBody(
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        'invalid_request_error',
      ),
    };
  }
  const caller = index.lookup(bearer);
  if (!caller || (caller.kind === 'project' && caller.project.archivedAt !== null)) {
    return {
      status: 401,
      body: errorBody(
        `Incorrect API key provided: ${masked(bearer)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        'invalid_request_error',
        'invalid_api_key',
      ),
    };
  }
  if (access === 'admin' && caller.kind !== 'admin') return insufficient('api.management.read');
  if (access === 'project' && caller.kind !== 'project') {
    return {
      status: 401,
      body: errorBody(
        'Admin API keys cannot be used for this endpoint; use a project API key.',
        'invalid_request_error',
      ),
    };
  }
  if (caller.kind === 'admin' && scope && caller.key.scopes !== 'all' && !caller.key.scopes.includes(scope))
    return insufficient(scope);
  caller.key.lastUsedAt = now;
  return caller;
}

function insufficient(scope: string): Reply {
  return {
    status: 401,
    body: errorBody(
      `You have insufficient permissions for this operation. Missing scopes: ${scope}. Check that you have the correct role in your organization (Reader, Owner), and if you're using a restricted API key, that it has the necessary scopes.`,
      'invalid_request_error',
    ),
  };
}
