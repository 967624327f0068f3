/**
 * Lenient schemas for the OpenAI objects the connector reads: the fields it maps, nullable
 * where the API may leave them out; unknown fields pass through untouched and unused.
 */
import { z } from 'zod';

const unix = z.number().nullish();
const text = z.string().nullish();

export const OrgUser = z.object({
  id: z.string(),
  name: text,
  email: text,
  role: text,
  added_at: unix,
  is_scim_managed: z.boolean().nullish(),
  api_key_last_used_at: unix,
  user: z.object({ enabled: z.boolean().nullish(), banned: z.boolean().nullish() }).nullish(),
});
export type OrgUser = z.infer<typeof OrgUser>;

export const AuditLogin = z.object({
  id: z.string(),
  type: z.string(),
  effective_at: z.number(),
  actor: z.object({ session: z.object({ user: z.object({ id: text }).nullish() }).nullish() }).nullish(),
});

export const Invite = z.object({
  id: z.string(),
  email: text,
  role: text,
  status: text,
  created_at: unix,
  expires_at: unix,
  accepted_at: unix,
  projects: z.array(z.object({ id: z.string(), role: text })).nullish(),
});
export type Invite = z.infer<typeof Invite>;

export const Project = z.object({
  id: z.string(),
  name: text,
  status: text,
  created_at: unix,
  archived_at: unix,
  residency: text,
});
export type Project = z.infer<typeof Project>;

export const Retention = z.object({ type: z.string() });

const Toggle = z.object({ enabled: z.boolean() }).nullish();
export const HostedTools = z.object({
  file_search: Toggle,
  web_search: Toggle,
  image_generation: Toggle,
  mcp: Toggle,
  code_interpreter: Toggle,
});

export const ModelPermissions = z.object({ mode: z.string(), model_ids: z.array(z.string()).nullish() });
export const RateLimit = z.object({ id: z.string(), model: text });
export const ProjectUser = z.object({ id: z.string(), role: text });

export const ServiceAccount = z.object({ id: z.string(), name: text, role: text, created_at: unix });
export type ServiceAccount = z.infer<typeof ServiceAccount>;

const KeyOwnerPerson = z.object({ id: z.string(), name: text, email: text, role: text }).nullish();
export const AdminKey = z.object({
  id: z.string(),
  name: text,
  redacted_value: text,
  created_at: unix,
  expires_at: unix,
  last_used_at: unix,
  owner: z.object({ type: text, object: text, id: text, name: text, role: text }).nullish(),
});
export type AdminKey = z.infer<typeof AdminKey>;

export const ProjectKey = z.object({
  id: z.string(),
  name: text,
  redacted_value: text,
  created_at: unix,
  last_used_at: unix,
  owner_project_access: text,
  owner: z.object({ type: text, user: KeyOwnerPerson, service_account: KeyOwnerPerson }).nullish(),
});
export type ProjectKey = z.infer<typeof ProjectKey>;

export const File = z.object({
  id: z.string(),
  filename: text,
  bytes: z.number().nullish(),
  created_at: unix,
  expires_at: unix,
  purpose: text,
});
export type File = z.infer<typeof File>;

export const VectorStore = z.object({
  id: z.string(),
  name: text,
  status: text,
  usage_bytes: z.number().nullish(),
  file_counts: z.object({ total: z.number().nullish() }).nullish(),
  expires_after: z.object({ days: z.number().nullish() }).nullish(),
  expires_at: unix,
  last_active_at: unix,
});
export type VectorStore = z.infer<typeof VectorStore>;

export const Assistant = z.object({
  id: z.string(),
  name: text,
  model: text,
  tools: z.array(z.object({ type: z.string() })).nullish(),
});
export type Assistant = z.infer<typeof Assistant>;

/** Unix seconds → ISO-8601, null kept. */
export function iso(seconds: number | null | undefined): string | null {
  return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null;
}
