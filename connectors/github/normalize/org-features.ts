/** Actions permissions and Copilot billing → the 'github.actions' and 'github.copilot' settings. */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { maybeBoolean, maybeNumber, maybeString } from './fields.ts';

export const GhActionsPermissions = z.object({
  enabled_repositories: maybeString,
  allowed_actions: maybeString,
  sha_pinning_required: maybeBoolean,
});
export const GhWorkflowPermissions = z.object({
  default_workflow_permissions: maybeString,
  can_approve_pull_request_reviews: maybeBoolean,
});
export type GhActionsPermissions = z.infer<typeof GhActionsPermissions>;
export type GhWorkflowPermissions = z.infer<typeof GhWorkflowPermissions>;

export function normalizeActions(
  org: string,
  actions: GhActionsPermissions,
  workflow: GhWorkflowPermissions,
  observedAt: string,
): AssetInput {
  return {
    provider: 'github',
    kind: 'setting',
    externalId: `actions:${org}`,
    name: `${org} Actions`,
    observedAt,
    settingType: 'github.actions',
    scope: 'organization',
    values: {
      enabledRepositories: actions.enabled_repositories ?? null,
      allowedActions: actions.allowed_actions ?? null,
      shaPinningRequired: actions.sha_pinning_required ?? null,
      defaultWorkflowPermissions: workflow.default_workflow_permissions ?? null,
      canApprovePullRequestReviews: workflow.can_approve_pull_request_reviews ?? null,
    },
  };
}

export const GhCopilotBilling = z.object({
  seat_breakdown: z.object({ total: maybeNumber }).nullish(),
  seat_management_setting: maybeString,
  public_code_suggestions: maybeString,
  ide_chat: maybeString,
  platform_chat: maybeString,
  cli: maybeString,
  plan_type: maybeString,
});
export type GhCopilotBilling = z.infer<typeof GhCopilotBilling>;

export function normalizeCopilot(org: string, billing: GhCopilotBilling, observedAt: string): AssetInput {
  return {
    provider: 'github',
    kind: 'setting',
    externalId: `copilot:${org}`,
    name: `${org} Copilot`,
    observedAt,
    settingType: 'github.copilot',
    scope: 'organization',
    values: {
      seatManagement: billing.seat_management_setting ?? null,
      publicCodeSuggestions: billing.public_code_suggestions ?? null,
      ideChat: billing.ide_chat ?? null,
      platformChat: billing.platform_chat ?? null,
      cli: billing.cli ?? null,
      seatsTotal: billing.seat_breakdown?.total ?? null,
      planType: billing.plan_type ?? null,
    },
  };
}
