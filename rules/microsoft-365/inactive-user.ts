import { defineRule } from '../define-rule.ts';
import { inactivity, signInKnown } from '../microsoft-users.ts';

interface Options extends Record<string, unknown> {
  /** Days without a sign-in before a user counts as inactive; default: the tenant policy's staleDays. */
  staleDays?: number;
}

export default defineRule<'identity', Options>({
  id: 'microsoft-365/inactive-user',
  title: 'User and guest accounts are in use',
  description:
    'An enabled member or guest account has not signed in for longer than the stale period (or never signed in). Dormant accounts of people who left, partners whose project ended and invitations nobody redeemed keep their access to mail, files and Teams, and a takeover goes unnoticed.',
  remediation:
    "Check with the user's manager (or the guest's sponsor). If the account is no longer needed, block sign-in in the Microsoft Entra admin center (Users > the user > Edit properties > Account enabled off) and delete it later; for guests, set up an access review (Identity Governance > Access reviews) so inactive guests are removed automatically.",
  severity: 'low',
  provider: 'microsoft-365',
  kind: 'identity',
  // sign-in-activity: without an Entra ID P1/P2 licence there are no sign-in times to judge.
  streams: ['users', 'sign-in-activity'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity/monitoring-health/howto-manage-inactive-user-accounts',
  ],
  frameworks: { soc2: ['CC6.2'], iso27001: ['A.5.18'] },
  evidenceAvailable: signInKnown,
  // Administrators are microsoft-365/inactive-admin, at a higher severity.
  appliesTo: (asset) => !asset.isAdmin,
  evaluate(asset, ctx) {
    const evidence = inactivity(asset, ctx.options.staleDays ?? ctx.policy.staleDays, ctx.now);
    return evidence ? { evidence } : null;
  },
});
