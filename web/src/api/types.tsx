/** The API's response shapes the dashboard reads (api/schemas/*.ts on the server). */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';
export const severities: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const providers = ['github', 'google-workspace', 'microsoft-365', 'openai', 'anthropic', 'gemini'];
export type FindingStatus = 'open' | 'resolved' | 'muted';
export type ApprovalStatus = 'approved' | 'unapproved' | 'in_review' | 'unreviewed';
export const approvalStatuses: ApprovalStatus[] = ['unreviewed', 'in_review', 'approved', 'unapproved'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Finding {
  id: string;
  ruleId: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  provider: string;
  connectionId: string;
  asset: { kind: string; externalId: string; name: string; url: string | null };
  evidence: Record<string, unknown>;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  mute: { reason: string; by: string | null; until: string | null } | null;
  severityOverride: { severity: Severity; computed: Severity; reason: string } | null;
}

export interface FindingEvent {
  id: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  severity: string;
  actor: string | null;
  scanId: string | null;
  detail: Record<string, unknown>;
  at: string;
}

export interface FindingPage extends Page<Finding> {
  facets?: {
    total: number;
    severity: Record<string, number>;
    provider: Record<string, number>;
    rule: Record<string, number>;
  };
}

export interface Rule {
  id: string;
  title: string;
  description: string;
  remediation: string;
  severity: Severity;
  provider: string;
  kind: string;
  references: string[];
  frameworks: Record<string, string[]>;
}

export interface StreamStatus {
  status: 'pending' | 'running' | 'completed' | 'failed' | 'unavailable';
  reason?: string;
  error?: { code: string; message: string };
  assets: number;
}

export interface Scan {
  id: string;
  connectionId: string;
  status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
  trigger: string;
  streams: Record<string, StreamStatus>;
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface Connection {
  id: string;
  provider: string;
  name: string;
  baseUrl: string | null;
  createdAt: string;
  lastScan: Scan | null;
}

export interface Schedule {
  id: string;
  cron: string;
  timezone: string;
  enabled: boolean;
  nextRunAt: string;
}

export interface AiApp {
  app: string;
  vendor: string | null;
  product: string | null;
  category: string | null;
  approval: ApprovalStatus;
  providers: string[];
  grants: number;
  users: number;
  sampleUsers: string[];
  tenantWide: boolean;
  highestScopeRisk: 'low' | 'medium' | 'high' | 'critical' | null;
}

export interface Tenant {
  id: string;
  slug: string;
  name: string;
}

export interface TokenSelf {
  id: string;
  name: string;
  tenant: Tenant | null;
  scopes: string[];
}

export interface TrendPoint {
  scanId: string;
  connectionId: string;
  status: Scan['status'];
  createdAt: string;
  opened: number;
  reopened: number;
  resolved: number;
}

export interface StartedConnect {
  authorizationUrl: string;
}
