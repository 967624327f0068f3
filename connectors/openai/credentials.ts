/**
 * What an OpenAI connection stores: an admin key (Settings > Organization > Admin keys; Owners
 * only), and optionally one project key per project for the project-scoped endpoints (files,
 * vector stores, assistants) that admin keys cannot call. Error messages never echo a key.
 */
import { z } from 'zod';

const ADMIN_KEY = /^sk-admin-[A-Za-z0-9_-]{8,}$/;
const PROJECT_KEY = /^sk-(proj|svcacct|None)-[A-Za-z0-9_-]{8,}$|^sk-[A-Za-z0-9]{20,}$/;
const PROJECT_ID = /^proj_[A-Za-z0-9]+$/;

const ProjectKeyMap = z.record(
  z
    .string()
    .regex(PROJECT_ID, { message: 'projectKeys: every key of the object must be a project id (proj_…)' }),
  z.string().regex(PROJECT_KEY, {
    message:
      'projectKeys: every value must be a project API key (sk-proj-… or sk-svcacct-…); admin keys cannot read project data',
  }),
);

/** `--secret projectKeys=@keys.json` arrives as the file's text; an object is taken as is. */
const ProjectKeys = z.preprocess((value, ctx) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    ctx.addIssue({
      code: 'custom',
      message:
        'projectKeys is not JSON: pass a file holding {"proj_…": "sk-proj-…"} as projectKeys=@keys.json',
    });
    return z.NEVER;
  }
}, ProjectKeyMap);

export const OpenAICredentials = z.object({
  adminKey: z.string({ message: 'adminKey is required (an OpenAI admin key, sk-admin-…)' }).regex(ADMIN_KEY, {
    message:
      'adminKey is not an OpenAI admin key (sk-admin-…); create one under Settings > Organization > Admin keys (Owners only)',
  }),
  projectKeys: ProjectKeys.optional(),
});
export type OpenAICredentials = z.infer<typeof OpenAICredentials>;

const count = z.string().regex(/^\d+$/, { message: 'must be a whole number' });

export const OpenAIConfig = z.object({
  /** Requests in flight per connection (default 8). */
  concurrency: count.optional(),
  /** SDK retries on 429/5xx/connection errors, honouring retry-after(-ms) (default 4). */
  maxRetries: count.optional(),
  /** Days of `login.succeeded` audit events read for users' last login (default 180). */
  loginLookbackDays: count.optional(),
});
export type OpenAIConfig = z.infer<typeof OpenAIConfig>;
