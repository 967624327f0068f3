/**
 * The rating tables (google.json, microsoft.json, github.json), validated at import. The tables
 * are data so that rating a newly seen scope is a one-line, reviewable change.
 */
import { z } from 'zod';
import { ScopeRisk } from '../model.ts';
import githubJson from './github.json' with { type: 'json' };
import googleJson from './google.json' with { type: 'json' };
import microsoftJson from './microsoft.json' with { type: 'json' };

export const Rating = z.strictObject({ risk: ScopeRisk, reason: z.string().trim().min(1) });
export type Rating = z.infer<typeof Rating>;

/** Google: short scope names ('drive', 'gmail.readonly', 'mail.google.com') → rating. */
export const GoogleTable = z.strictObject({ version: z.literal(1), scopes: z.record(z.string(), Rating) });

/**
 * Microsoft Graph: permission value → its delegated and/or application rating. Either may be
 * absent: the kind does not exist, or (application) it is derived from the delegated one.
 */
export const MicrosoftTable = z.strictObject({
  version: z.literal(1),
  permissions: z.record(
    z.string(),
    z.strictObject({ delegated: Rating.optional(), application: Rating.optional() }),
  ),
});

/** GitHub App permissions: name → level ('read' | 'write' | 'admin') → rating. */
export const GithubTable = z.strictObject({
  version: z.literal(1),
  permissions: z.record(z.string(), z.partialRecord(z.enum(['read', 'write', 'admin']), Rating)),
});

export const googleTable = GoogleTable.parse(googleJson);
export const microsoftTable = MicrosoftTable.parse(microsoftJson);
export const githubTable = GithubTable.parse(githubJson);
