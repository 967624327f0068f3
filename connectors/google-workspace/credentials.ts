/**
 * What a Google Workspace connection stores. The standard mode is a service account with
 * domain-wide delegation (it impersonates the admin for Directory/Reports/Policy and each user
 * for Drive). An OAuth-connected admin (web-server flow) can read the directory and settings
 * streams only: Drive is per user and needs delegation.
 */
import { z } from 'zod';

const ServiceAccountKey = z.object({
  type: z.literal('service_account').optional(),
  client_email: z.string().min(1),
  private_key: z.string().includes('PRIVATE KEY', { message: 'private_key is not a PEM private key' }),
  private_key_id: z.string().optional(),
  client_id: z.string().optional(),
  project_id: z.string().optional(),
});
export type ServiceAccountKey = z.infer<typeof ServiceAccountKey>;

/** `--secret serviceAccountKey=@sa.json` arrives as the file's text. */
const ServiceAccountKeyText = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'serviceAccountKey is not JSON (pass the key file: =@sa.json)',
      });
      return z.NEVER;
    }
  })
  .pipe(ServiceAccountKey);

export const ServiceAccountCredentials = z.object({
  serviceAccountKey: z.union([ServiceAccountKey, ServiceAccountKeyText]),
});

export const OAuthAdminCredentials = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  refreshToken: z.string().min(1),
});

type Credentials = z.infer<typeof ServiceAccountCredentials> | z.infer<typeof OAuthAdminCredentials>;

/**
 * Picks the mode from the keys given, so an error names the field that is wrong (a plain union
 * would only say "Invalid input").
 */
export const GoogleWorkspaceCredentials = z.unknown().transform((input, ctx): Credentials => {
  const given = typeof input === 'object' && input !== null ? input : {};
  const schema =
    'serviceAccountKey' in given
      ? ServiceAccountCredentials
      : 'refreshToken' in given || 'clientId' in given
        ? OAuthAdminCredentials
        : null;
  if (!schema) {
    ctx.addIssue({
      code: 'custom',
      message:
        'give serviceAccountKey=@sa.json (service account with domain-wide delegation), or clientId, clientSecret and refreshToken (an OAuth-connected admin)',
    });
    return z.NEVER;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});
export type GoogleWorkspaceCredentials = Credentials;

const url = z.url({ protocol: /^https?$/ });
const count = z.string().regex(/^\d+$/);

export const GoogleWorkspaceConfig = z.object({
  /** A super admin to impersonate for Directory, Reports and the Policy API. */
  adminEmail: z.email(),
  /** `my_customer` (the admin's own account) or the customer id, e.g. C03az79cb. */
  customerId: z.string().min(1).default('my_customer'),
  /** Other domains of the organization, comma-separated; shares to them are internal. */
  domains: z.string().optional(),
  /** Token endpoint for the JWT and refresh grants (sovereign/partner endpoints, the simulator). */
  tokenUrl: url.optional(),
  /** Per-API roots; `--base-url` sets them all. googleapis keeps only the origin of a root. */
  adminRootUrl: url.optional(),
  driveRootUrl: url.optional(),
  cloudIdentityRootUrl: url.optional(),
  licensingRootUrl: url.optional(),
  /** Requests in flight per connection (default 8). */
  concurrency: count.optional(),
  /** Base of the retry backoff in ms (default 1000); the sandbox tests set 1. */
  retryBaseMs: count.optional(),
  /** Hours between full sweeps of every user's change feed, whatever the audit log says (default 24). */
  sweepHours: count.optional(),
});
export type GoogleWorkspaceConfig = z.infer<typeof GoogleWorkspaceConfig>;

export function isServiceAccount(
  credentials: GoogleWorkspaceCredentials,
): credentials is z.infer<typeof ServiceAccountCredentials> {
  return 'serviceAccountKey' in credentials;
}
