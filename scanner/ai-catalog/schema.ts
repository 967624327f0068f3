/**
 * The contract of catalog.json. The catalog is data so it can grow without code review of logic;
 * this schema is what keeps a hand-edited entry from silently breaking classification.
 */
import { z } from 'zod';

export const aiCategories = [
  'assistant',
  'meeting-notes',
  'coding',
  'writing',
  'search',
  'image-video',
  'agent-platform',
] as const;
export const AiCategory = z.enum(aiCategories);
export type AiCategory = z.infer<typeof AiCategory>;

const nonEmpty = z.string().trim().min(1);

export const AiAppIdentifiers = z.strictObject({
  /** Google OAuth client ids as they appear in Directory API tokens (`clientId`). */
  googleClientIds: z.array(nonEmpty),
  /** Entra application (client) ids, GUIDs, as on a service principal's `appId`. */
  entraAppIds: z.array(z.guid()),
  /** GitHub App slugs (`app_slug`, the `github.com/apps/<slug>` path). */
  githubAppSlugs: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/)),
  /** Publisher names (Entra verified publisher, marketplace developer); vendor-level, so only on one entry. */
  publishers: z.array(nonEmpty),
  /** Registrable or product hostnames; a subdomain of one matches, a look-alike string does not. */
  domains: z.array(z.string().regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/)),
  /** Product names as they appear on consent screens; matched conservatively (see classify.ts). */
  names: z.array(nonEmpty),
});
export type AiAppIdentifiers = z.infer<typeof AiAppIdentifiers>;

export const AiApp = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case'),
  vendor: nonEmpty,
  product: nonEmpty,
  category: AiCategory,
  identifiers: AiAppIdentifiers,
  /** One sentence: what access it usually asks for and why that matters. */
  risk: nonEmpty,
  /** Where the entry's facts come from: the vendor's homepage or documentation. */
  source: z.url({ protocol: /^https$/ }),
});
export type AiApp = z.infer<typeof AiApp>;

export const AiCatalogFile = z.strictObject({
  version: z.literal(1),
  entries: z.array(AiApp),
});
