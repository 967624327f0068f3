import { z } from 'zod';
import { hasAppAsset } from '../../../db/ai-inventory.ts';
import type { Database } from '../../../db/client.ts';
import { updatePolicy } from '../../../db/policy.ts';
import { aiCatalog } from '../../../scanner/ai-catalog/index.ts';
import { providers } from '../../../scanner/model.ts';
import { AppApprovalStatus } from '../../../scanner/policy.ts';
import { ApiError, commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantRef } from '../../schemas/common.ts';

/** An AI-catalog id, or `<provider>:<appId>` of an app or grant stored in this tenant. */
async function isKnownApp(db: Database, tenantId: string, app: string): Promise<boolean> {
  if (aiCatalog.get(app)) return true;
  const colon = app.indexOf(':');
  const provider = app.slice(0, colon);
  if (colon <= 0 || !(providers as readonly string[]).includes(provider)) return false;
  return hasAppAsset(db, tenantId, provider, app.slice(colon + 1));
}

export default defineTenantRoute({
  id: 'putAiAppApproval',
  method: 'PUT',
  url: '/v1/tenants/:tenant/ai-apps/:app/approval',
  summary: "Set an app's approval status",
  description:
    'Records the tenant’s verdict in policy.appApprovals (unreviewed removes it). `app` is an AI-catalog ' +
    'id from the inventory or `<provider>:<appId>` of an app seen in the tenant. Findings follow on the next scan.',
  tags: ['ai-apps'],
  access: { scope: 'policy:write' },
  schema: {
    params: z.strictObject({ tenant: TenantRef, app: z.string().min(1).max(300) }),
    body: z.strictObject({ status: AppApprovalStatus }),
    response: {
      200: z.object({ app: z.string(), status: AppApprovalStatus }),
      ...commonErrorResponses,
    },
  },
  example: { body: { status: 'approved' } },
  async handler(req, _reply, { deps, tenant }) {
    const { app } = req.params;
    if (!(await isKnownApp(deps.db, tenant.id, app)))
      throw new ApiError(
        'not_found',
        `unknown app "${app}": not an AI-catalog id, and no app or grant <provider>:<appId> with that id in this tenant`,
      );
    const { status } = req.body;
    // unreviewed is the default: drop the key rather than store it.
    await updatePolicy(deps.db, tenant.id, {
      appApprovals: { [app]: status === 'unreviewed' ? null : status },
    });
    return { app, status };
  },
});
