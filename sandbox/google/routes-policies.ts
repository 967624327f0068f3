/**
 * Cloud Identity Policy API v1: `policies.list` and `policies.get`. Only a super admin may call
 * it (a delegated admin gets 403 PERMISSION_DENIED). Errors use the Cloud APIs' envelope
 * (`code`, `message`, `status`, no `errors[]`). `pageSize` defaults to 50 and may not exceed
 * 100; `filter` accepts at most one `setting.type.matches('…')` clause and one
 * `customer == "customers/…"` clause joined by `&&`, as the API documents.
 */
import type { GoogleRoute } from './route-types.ts';
import type { GooglePolicy, GoogleTenant, GoogleUser } from './types.ts';
import { decodePageToken, encodePageToken, type GoogleReply, masked } from './wire.ts';

const SCOPES = [
  'https://www.googleapis.com/auth/cloud-identity.policies.readonly',
  'https://www.googleapis.com/auth/cloud-identity.policies',
];
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
};

function cloudError(code: 400 | 403 | 404, message: string): GoogleReply {
  return { status: code, body: { error: { code, message, status: STATUS[code] } } };
}

const invalid = (message: string) => cloudError(400, message);

function requireSuperAdmin(subject: GoogleUser | undefined): GoogleReply | undefined {
  if (subject?.isAdmin && !subject.suspended) return undefined;
  return cloudError(403, 'The caller does not have permission');
}

/** A CEL string literal's content: `\\` → `\`, `\'` → `'`, `\"` → `"`; other escapes kept. */
function unescapeCel(text: string): string {
  return text.replace(/\\([\\'"])/g, '$1');
}

const TYPE_CLAUSE = /^setting\.type\.matches\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*\)$/;
const CUSTOMER_CLAUSE = /^customer\s*==\s*(?:"([^"]*)"|'([^']*)')$/;

interface PolicyFilter {
  type?: RegExp;
  customer?: string;
}

/** Parses the documented filter subset; a string is the INVALID_ARGUMENT message. */
export function parsePolicyFilter(filter: string | null): PolicyFilter | string {
  const parsed: PolicyFilter = {};
  if (!filter?.trim()) return parsed;
  for (const raw of filter.split('&&')) {
    const clause = raw.trim();
    const type = TYPE_CLAUSE.exec(clause);
    const customer = CUSTOMER_CLAUSE.exec(clause);
    if (type) {
      if (parsed.type) return 'Only one setting.type clause is allowed in the filter.';
      try {
        parsed.type = new RegExp(unescapeCel(type[1] ?? type[2] ?? ''));
      } catch {
        return `Invalid regular expression in filter: ${clause}`;
      }
    } else if (customer) {
      if (parsed.customer !== undefined) return 'Only one customer clause is allowed in the filter.';
      parsed.customer = customer[1] ?? customer[2] ?? '';
    } else {
      return `Unsupported filter clause: ${clause}`;
    }
  }
  return parsed;
}

function customerMatches(customer: string, tenant: GoogleTenant): boolean {
  return customer === 'customers/my_customer' || customer === `customers/${tenant.customerId}`;
}

function parsePageSize(raw: string | null): number | GoogleReply {
  if (raw === null || raw === '') return DEFAULT_PAGE_SIZE;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) return invalid(`Invalid page_size: ${raw}`);
  if (value > MAX_PAGE_SIZE) return invalid(`page_size must be at most ${MAX_PAGE_SIZE}.`);
  return value === 0 ? DEFAULT_PAGE_SIZE : value;
}

const selected = (policies: GooglePolicy[], filter: PolicyFilter) =>
  filter.type ? policies.filter((p) => filter.type?.test(p.setting.type)) : policies;

export const policyRoutes: GoogleRoute[] = [
  {
    method: 'GET',
    template: '/v1/policies',
    scopes: SCOPES,
    handle({ query, grant, tenant }) {
      const denied = requireSuperAdmin(grant.subject);
      if (denied) return denied;
      const filterText = query.get('filter');
      const filter = parsePolicyFilter(filterText);
      if (typeof filter === 'string') return invalid(filter);
      if (filter.customer !== undefined && !customerMatches(filter.customer, tenant)) {
        return cloudError(403, 'The caller does not have permission');
      }
      const size = parsePageSize(query.get('pageSize'));
      if (typeof size !== 'number') return size;
      const token = query.get('pageToken');
      const state = decodePageToken(token);
      if (token && (typeof state?.offset !== 'number' || state.filter !== (filterText ?? ''))) {
        return invalid('Invalid page token.');
      }
      const offset = (state?.offset as number | undefined) ?? 0;
      const all = selected(tenant.policies, filter);
      const page = all.slice(offset, offset + size);
      // proto3 JSON leaves out an empty repeated field, so an empty page is `{}`.
      const body: Record<string, unknown> = page.length > 0 ? { policies: page } : {};
      if (offset + size < all.length) {
        body.nextPageToken = encodePageToken({ offset: offset + size, filter: filterText ?? '' });
      }
      return { status: 200, body: masked(body, query.get('fields'), '*') };
    },
  },
  {
    method: 'GET',
    template: '/v1/policies/{policy}',
    scopes: SCOPES,
    handle({ params, query, grant, tenant }) {
      const denied = requireSuperAdmin(grant.subject);
      if (denied) return denied;
      const name = `policies/${params.policy ?? ''}`;
      const policy = tenant.policies.find((p) => p.name === name);
      if (!policy) return cloudError(404, `Policy ${name} not found.`);
      return { status: 200, body: masked(policy, query.get('fields'), '*') };
    },
  },
];
