import { defineRule } from '../define-rule.ts';
import { inactivity, signInKnown } from '../microsoft-users.ts';

interface Options extends Record<string, unknown> {
  /** Days without a sign-in before an admin counts as inactive; default: the tenant policy's staleDays. */
  staleDays?: number;
}

export default defineRule<'identity', Options>({
  id: 'microsoft-365/inactive-admin',
  title: 'Administrator accounts are in use',
  description:
    'An enabled account holding an Entra ID directory role has not signed in for longer than the stale period (or never signed in). A dormant admin account keeps its full privileges, nobody notices when it is misused, and its MFA methods and recovery details are often out of date.',
  remediation:
    'Confirm the admin still needs the role. If not, remove it in the Microsoft Entra admin center (Roles & admins > the role > Assignments), then block sign-in (Users > the user > Edit properties > Account enabled off) and later delete the account; otherwise have the admin sign in and review their registered methods. Prefer eligible (Privileged Identity Management) over permanent assignments.',
  severity: 'medium',
  provider: 'microsoft-365',
  kind: 'identity',
  // sign-in-activity: without an Entra ID P1/P2 licence there are no sign-in times to judge.
  streams: ['users', 'sign-in-activity'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity/monitoring-health/howto-manage-inactive-user-accounts',
    'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/best-practices',
  ],
  frameworks: { soc2: ['CC6.2', 'CC6.3'], iso27001: ['A.5.18', 'A.8.2'] },
  evidenceAvailable: signInKnown,
  appliesTo: (asset) => asset.isAdmin,
  evaluate(asset, ctx) {
    const evidence = inactivity(asset, ctx.options.staleDays ?? ctx.policy.staleDays, ctx.now);
    return evidence ? { evidence } : null;
  },
});
