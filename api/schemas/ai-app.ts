/** The AI-app inventory as the API shows it (db/ai-inventory.ts rows). */
import { z } from 'zod';
import type { AiInventoryRow } from '../../db/ai-inventory.ts';
import { ScopeRisk } from '../../scanner/model.ts';
import { AppApprovalStatus } from '../../scanner/policy.ts';

export const AiApp = z
  .object({
    app: z.string().describe('AI-catalog id; the key of its approval'),
    vendor: z.string().nullable(),
    product: z.string().nullable(),
    category: z.string().nullable(),
    approval: AppApprovalStatus,
    providers: z.array(z.string()),
    grants: z.number().int(),
    users: z.number().int(),
    sampleUsers: z.array(z.string()),
    tenantWide: z.boolean(),
    highestScopeRisk: ScopeRisk.nullable(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
  })
  .meta({ id: 'AiApp' });
export type AiApp = z.infer<typeof AiApp>;

export function toApiAiApp(row: AiInventoryRow): AiApp {
  const { aiCatalogId, firstSeenAt, lastSeenAt, ...rest } = row;
  return {
    app: aiCatalogId,
    ...rest,
    firstSeenAt: firstSeenAt.toISOString(),
    lastSeenAt: lastSeenAt.toISOString(),
  };
}
