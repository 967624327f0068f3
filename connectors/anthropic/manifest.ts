/**
 * Vendor facts about the Anthropic Admin API, as data: where it lives, the two wire versions,
 * page and report limits, and where each stream reads. Code reads these instead of repeating them.
 */

export const anthropicManifest = {
  provider: 'anthropic',
  /** The SDK's own default; paths carry /v1, so a base URL never does. */
  defaultBaseUrl: 'https://api.anthropic.com',
  /**
   * `2026-10-21`: SDK 1.x native (Authorization: Bearer). `2023-06-01`: the documented legacy wire
   * (x-api-key), for proxies and gateways that only pass that header.
   */
  apiVersions: ['2026-10-21', '2023-06-01'] as const,
  defaultApiVersion: '2026-10-21',
  /** Admin keys start so; standard API keys (sk-ant-api…) are refused by every admin route. */
  adminKeyPrefix: 'sk-ant-admin',
  /** Largest `limit` of the id-cursor lists. */
  maxPageSize: 1000,
  /** Largest `limit` (buckets per page) of the reports at bucket_width 1d. */
  maxReportBuckets: 31,
  /** How far back usage is read, unless the connection says otherwise. */
  defaultUsageLookbackDays: 90,
  maxUsageLookbackDays: 365,
  verify: { method: 'GET', path: '/v1/organizations/me' },
  retry: {
    /** SDK retries (429, 408, 409, ≥500 incl. 529 overloaded), each honouring retry-after. */
    maxRetries: 4,
    timeoutMs: 60_000,
    /** Requests in flight per connection. */
    concurrency: 8,
  },
  endpoints: {
    organization: 'GET /v1/organizations/me',
    users: 'GET /v1/organizations/users',
    invites: 'GET /v1/organizations/invites',
    workspaces: 'GET /v1/organizations/workspaces',
    members: 'GET /v1/organizations/workspaces/{workspace_id}/members',
    apiKeys: 'GET /v1/organizations/api_keys',
    usage: 'GET /v1/organizations/usage_report/messages',
    costs: 'GET /v1/organizations/cost_report',
  },
  docs: {
    adminApi: 'https://platform.claude.com/docs/en/manage-claude/admin-api',
    apiKeys: 'https://platform.claude.com/docs/en/api/admin/api_keys/list',
    usageReport: 'https://platform.claude.com/docs/en/api/admin/usage_report/retrieve_messages',
    costReport: 'https://platform.claude.com/docs/en/api/admin/cost_report',
    usageCostApi: 'https://platform.claude.com/docs/en/manage-claude/usage-cost-api',
  },
} as const;

export type AnthropicApiVersion = (typeof anthropicManifest.apiVersions)[number];
