/**
 * The simulated OpenAI organization: what the admin API and the project-scoped endpoints serve.
 * Times are Unix seconds, as on the wire. Key values are secrets the simulator checks bearer
 * tokens against; they never appear in list responses (only `redacted_value` does).
 */
import type { AiTool } from '../../scanner/policy.ts';

export type OrgRole = 'owner' | 'reader';
export type ProjectRole = 'owner' | 'member';
export type RetentionType =
  | 'zero_data_retention'
  | 'modified_abuse_monitoring'
  | 'enhanced_zero_data_retention'
  | 'enhanced_modified_abuse_monitoring';
export type ProjectRetention = RetentionType | 'organization_default' | 'none';

/** Scopes an admin key may be restricted to; `all` keys pass every check. */
export const ADMIN_SCOPES = [
  'api.organization.users.read',
  'api.organization.invites.read',
  'api.organization.projects.read',
  'api.organization.admin_api_keys.read',
  'api.organization.audit_logs.read',
  'api.organization.data_retention.read',
] as const;
export type AdminScope = (typeof ADMIN_SCOPES)[number];

export interface OrgUser {
  id: string;
  name: string;
  email: string;
  role: OrgRole;
  addedAt: number;
  enabled: boolean;
  banned: boolean;
  apiKeyLastUsedAt: number | null;
  /** Latest successful login (an audit `login.succeeded` event exists for it). */
  lastLoginAt: number | null;
  /** Removed from the organization: not listed, but keys it created may still exist. */
  removed: boolean;
}

export interface Invite {
  id: string;
  email: string;
  role: OrgRole;
  status: 'accepted' | 'expired' | 'pending';
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  projects: Array<{ id: string; role: ProjectRole }>;
}

export interface AdminKey {
  id: string;
  name: string;
  value: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  ownerUserId: string;
  /** `all`, or the only scopes this (restricted) key carries. */
  scopes: 'all' | AdminScope[];
}

export interface ProjectUser {
  userId: string;
  role: ProjectRole;
  addedAt: number;
}

export interface ServiceAccount {
  id: string;
  name: string;
  role: ProjectRole;
  createdAt: number;
  /** Deleted from the project: not listed, its keys report `owner_project_access: inactive`. */
  removed: boolean;
}

export type KeyOwner =
  | { type: 'user'; userId: string }
  | { type: 'service_account'; serviceAccountId: string };

export interface ProjectKey {
  id: string;
  name: string;
  value: string;
  createdAt: number;
  lastUsedAt: number | null;
  owner: KeyOwner;
}

export interface RateLimit {
  id: string;
  model: string;
  maxRequestsPerMinute: number;
  maxTokensPerMinute: number;
}

export type FilePurpose =
  | 'assistants'
  | 'assistants_output'
  | 'batch'
  | 'batch_output'
  | 'fine-tune'
  | 'fine-tune-results'
  | 'vision'
  | 'user_data';

export interface StoredFile {
  id: string;
  filename: string;
  purpose: FilePurpose;
  createdAt: number;
  expiresAt: number | null;
  content: string;
}

export interface VectorStore {
  id: string;
  name: string;
  createdAt: number;
  lastActiveAt: number;
  usageBytes: number;
  fileCount: number;
  status: 'expired' | 'in_progress' | 'completed';
  expiresAfterDays: number | null;
}

export interface Assistant {
  id: string;
  name: string;
  model: string;
  createdAt: number;
  tools: Array<'code_interpreter' | 'file_search' | 'function'>;
}

export interface Project {
  id: string;
  name: string;
  createdAt: number;
  archivedAt: number | null;
  residency: string;
  retention: ProjectRetention;
  tools: Record<AiTool, boolean>;
  /** null: never configured (the endpoint answers the permissive default). */
  modelPermissions: { mode: 'allow_list' | 'deny_list'; modelIds: string[] } | null;
  rateLimits: RateLimit[];
  users: ProjectUser[];
  serviceAccounts: ServiceAccount[];
  apiKeys: ProjectKey[];
  files: StoredFile[];
  vectorStores: VectorStore[];
  assistants: Assistant[];
}

export interface AuditEvent {
  id: string;
  type: string;
  effectiveAt: number;
  actorUserId: string;
  projectId: string | null;
  /** The per-type detail object, served under the event-type key. */
  details: Record<string, unknown>;
}

export interface OpenAIOrg {
  id: string;
  name: string;
  retention: RetentionType;
  auditLogging: boolean;
  users: OrgUser[];
  invites: Invite[];
  projects: Project[];
  adminKeys: AdminKey[];
  /** Newest first, as the API serves them. */
  events: AuditEvent[];
  /** The scanner's admin key (also listed among adminKeys). */
  scannerKey: AdminKey;
  /** Per project: the key the scanner may hold for project-scoped endpoints (a service-account key). */
  scannerProjectKeys: Map<string, ProjectKey>;
  /** Named planted objects, for tests: label → id. */
  planted: Record<string, string>;
}
