/**
 * The one schema for PGlite and PostgreSQL. Only SQL both accept (PGlite is PG 18, the server
 * PG 15): no uuidv7(), gen_random_uuid() is fine. Every table below the tenant carries
 * tenant_id so every query can be scoped by it.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Every row below a tenant names it, and goes when the tenant goes. */
const tenantRef = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });
const connectionRef = () =>
  uuid('connection_id')
    .notNull()
    .references(() => connections.id, { onDelete: 'cascade' });

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const connections = pgTable(
  'connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    provider: text('provider').notNull(),
    name: text('name').notNull(),
    baseUrl: text('base_url'),
    config: jsonb('config').$type<Record<string, string>>().notNull().default({}),
    /** AES-256-GCM envelope of the credentials JSON; see runtime/secrets.ts. */
    secretCiphertext: text('secret_ciphertext').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('connections_tenant_name_uq').on(t.tenantId, t.name)],
);

export interface StreamRun {
  status: 'pending' | 'running' | 'completed' | 'failed' | 'unavailable';
  /** 'delta': the stream read a change feed, so what it did not return was kept, not removed. */
  mode?: 'full' | 'delta';
  reason?: string;
  error?: { code: string; message: string };
  checkpoint?: Record<string, unknown>;
  assets: number;
  startedAt?: string;
  finishedAt?: string;
}

export interface RuleRun {
  status: 'evaluated' | 'not_evaluated';
  reason?: string;
  findings?: number;
}

export const scans = pgTable(
  'scans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    connectionId: connectionRef(),
    status: text('status').notNull().default('queued'),
    trigger: text('trigger').notNull().default('manual'),
    streams: jsonb('streams').$type<Record<string, StreamRun>>().notNull().default({}),
    rules: jsonb('rules').$type<Record<string, RuleRun>>().notNull().default({}),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    httpCalls: integer('http_calls').notNull().default(0),
    httpStats: jsonb('http_stats').$type<Record<string, unknown>>().notNull().default({}),
    attempts: integer('attempts').notNull().default(0),
    error: jsonb('error').$type<{ code: string; message: string } | null>(),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    /** Set by the API to stop a running scan; the runner polls it and aborts (scanner/scan.ts). */
    cancelRequestedAt: ts('cancel_requested_at'),
  },
  (t) => [
    index('scans_connection_idx').on(t.connectionId, t.createdAt),
    index('scans_tenant_idx').on(t.tenantId),
    // At most one queued or running scan per connection, whichever process asks.
    uniqueIndex('scans_one_active_uq').on(t.connectionId).where(sql`status in ('queued', 'running')`),
  ],
);

export const assets = pgTable(
  'assets',
  {
    tenantId: tenantRef(),
    connectionId: connectionRef(),
    key: text('key').notNull(),
    provider: text('provider').notNull(),
    kind: text('kind').notNull(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    url: text('url'),
    stream: text('stream').notNull(),
    /** The whole normalized asset, as rules saw it. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    firstSeenAt: ts('first_seen_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    lastScanId: uuid('last_scan_id').notNull(),
    /** Set when a completed stream no longer returned the asset. */
    removedAt: ts('removed_at'),
  },
  (t) => [
    uniqueIndex('assets_connection_key_uq').on(t.connectionId, t.key),
    index('assets_tenant_kind_idx').on(t.tenantId, t.kind),
  ],
);

/** A person's severity for one finding; `computed` is what the rules said, kept for when it is cleared. */
export interface SeverityOverride {
  severity: string;
  computed: string;
  reason: string;
  by: string;
  at: string;
}

/**
 * Severity ranked info → critical as 0 → 4, as SQL; must equal db/finding-queries.ts severityRank
 * (test/api/findings-index.test.ts checks) or the planner cannot use the index built on it.
 */
export const findingSeverityRankSql =
  "(case severity when 'info' then 0 when 'low' then 1 when 'medium' then 2 when 'high' then 3 when 'critical' then 4 else -1 end)";

/**
 * The text a finding is searched by (`q`), as one SQL expression for a trigram index: its fields
 * joined by chr(31), the ASCII unit separator. A text without that character matches this exactly
 * when it matches one of the fields (see db/finding-search.ts).
 */
export const findingSearchTextSql =
  '(title || chr(31) || rule_id || chr(31) || asset_name || chr(31) || asset_key || chr(31) || asset_external_id)';

/** The character findingSearchTextSql puts between the fields. */
export const findingSearchTextSeparator = '\u001f';

export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    connectionId: connectionRef(),
    /** hash(tenant, rule, asset key): one finding per rule and asset, forever. */
    fingerprint: text('fingerprint').notNull().unique(),
    ruleId: text('rule_id').notNull(),
    title: text('title').notNull(),
    severity: text('severity').notNull(),
    status: text('status').notNull(),
    provider: text('provider').notNull(),
    assetKey: text('asset_key').notNull(),
    assetKind: text('asset_kind').notNull(),
    assetExternalId: text('asset_external_id').notNull(),
    assetName: text('asset_name').notNull(),
    assetUrl: text('asset_url'),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    firstSeenAt: ts('first_seen_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    resolvedAt: ts('resolved_at'),
    lastScanId: uuid('last_scan_id').notNull(),
    muteReason: text('mute_reason'),
    mutedBy: text('muted_by'),
    mutedUntil: ts('muted_until'),
    /** Set by a person (API): `severity` then holds this value and scans keep it; see db/finding-severity.ts. */
    severityOverride: jsonb('severity_override').$type<SeverityOverride | null>(),
  },
  (t) => [
    // Facet counts (db/finding-search.ts) read this index alone, already grouped in its order.
    index('findings_tenant_status_facets_idx').on(t.tenantId, t.status, t.severity, t.provider, t.ruleId),
    index('findings_connection_rule_idx').on(t.connectionId, t.ruleId),
    // The API's findings list (db/finding-search.ts) in its two common orders, keyset by id: a
    // page reads 51 index entries instead of sorting every open finding of the tenant.
    index('findings_tenant_status_rank_idx').on(t.tenantId, t.status, sql.raw(findingSeverityRankSql), t.id),
    index('findings_tenant_status_last_seen_idx').on(t.tenantId, t.status, t.lastSeenAt, t.id),
    // The same order under a provider or rule filter, which would otherwise skip most entries.
    index('findings_tenant_status_provider_rank_idx').on(
      t.tenantId,
      t.status,
      t.provider,
      sql.raw(findingSeverityRankSql),
      t.id,
    ),
    index('findings_tenant_status_rule_rank_idx').on(
      t.tenantId,
      t.status,
      t.ruleId,
      sql.raw(findingSeverityRankSql),
      t.id,
    ),
    // Text search: trigrams of one tenant only (btree_gin puts tenant_id in the same GIN), so a
    // common word costs the tenant's matches, not every tenant's. Needs pg_trgm and btree_gin.
    index('findings_tenant_search_text_idx').using(
      'gin',
      t.tenantId,
      sql`${sql.raw(findingSearchTextSql)} gin_trgm_ops`,
    ),
  ],
);

/** The outbox: one row per status change of a finding, drained in id order by SIEM export. */
export const findingEvents = pgTable(
  'finding_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: tenantRef(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    scanId: uuid('scan_id'),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    severity: text('severity').notNull(),
    actor: text('actor'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('finding_events_tenant_idx').on(t.tenantId, t.id),
    index('finding_events_finding_idx').on(t.findingId),
  ],
);

/** Cron schedules per tenant; the queue's job schedulers are derived from these rows. */
export const schedules = pgTable('schedules', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  cron: text('cron').notNull(),
  timezone: text('timezone').notNull().default('UTC'),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Small per-connection, per-stream state kept between scans (ETags and cached pages, delta links). */
export const streamState = pgTable(
  'stream_state',
  {
    connectionId: connectionRef(),
    stream: text('stream').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.stream, t.key] })],
);

/**
 * REST API tokens. Only a hash of the token is stored (it is shown once, at creation); a token is
 * bound to one tenant, or to the whole installation when tenant_id is null.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The token's first characters, to recognise it in listings and logs; not enough to use it. */
    displayPrefix: text('display_prefix').notNull(),
    /** sha256 of the whole token, hex. Tokens carry 178 bits of randomness, so a fast hash suffices. */
    tokenHash: text('token_hash').notNull().unique(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('api_tokens_tenant_idx').on(t.tenantId)],
);

/**
 * A SIEM destination of one tenant (siem/sinks/). `cursor` is the last finding_events id the
 * destination acknowledged: export drains the outbox after it and moves it only on success.
 */
export const exportSinks = pgTable(
  'export_sinks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    /** Non-secret settings (URL, index, format …) as the sink's zod schema parsed them. */
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    /** AES-256-GCM envelope of the sink's secrets (HEC token, HMAC key …); see runtime/secrets.ts. */
    secretCiphertext: text('secret_ciphertext').notNull(),
    cursor: bigint('cursor', { mode: 'number' }).notNull().default(0),
    /** 'active', or 'paused' after a permanent refusal (bad token …) until replay or an update. */
    state: text('state').notNull().default('active'),
    pausedReason: text('paused_reason'),
    lastError: text('last_error'),
    lastErrorAt: ts('last_error_at'),
    lastDeliveredAt: ts('last_delivered_at'),
    /** Retryable failures since the last success; drives the backoff. */
    failures: integer('failures').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    /** One drainer per sink across workers: a drain holds the lease until this time. */
    leaseUntil: ts('lease_until'),
    delivered: bigint('delivered', { mode: 'number' }).notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('export_sinks_tenant_name_uq').on(t.tenantId, t.name)],
);

/** Events a destination refused for good, with its reason; `periscope export replay` sends them again. */
export const exportDeadLetters = pgTable(
  'export_dead_letters',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: tenantRef(),
    sinkId: uuid('sink_id')
      .notNull()
      .references(() => exportSinks.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => findingEvents.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    reason: text('reason').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    replayedAt: ts('replayed_at'),
  },
  (t) => [index('export_dead_letters_sink_idx').on(t.sinkId, t.replayedAt, t.eventId)],
);

/**
 * OAuth connect flows waiting for their callback (api/oauth/pending.ts), here rather than in one
 * process's memory so a callback may land on any API process. Keyed by sha256 of the state's
 * nonce, so a database reader cannot complete a flow; the PKCE verifier is sealed like
 * credentials (runtime/secrets.ts).
 */
export const oauthFlows = pgTable(
  'oauth_flows',
  {
    /** sha256 of the flow's nonce, hex. */
    nonceHash: text('nonce_hash').primaryKey(),
    tenantId: tenantRef(),
    provider: text('provider').notNull(),
    /** The API token that started the flow; the callback checks it is still live. */
    tokenId: uuid('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    /** Google: AES-256-GCM envelope of the PKCE verifier. */
    codeVerifierSealed: text('code_verifier_sealed'),
    /** Google: the admin who consents; GitHub: the org the App must be installed on. */
    account: text('account'),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('oauth_flows_tenant_idx').on(t.tenantId), index('oauth_flows_expires_idx').on(t.expiresAt)],
);
