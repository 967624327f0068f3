import { defineRule } from '../define-rule.ts';
import { inactivity, signInKnown } from '../google-users.ts';

interface Options extends Record<string, unknown> {
  /** Days without a sign-in before a user counts as inactive; default: the tenant policy's staleDays. */
  staleDays?: number;
}

export default defineRule<'identity', Options>({
  id: 'google-workspace/inactive-user',
  title: 'User accounts are in use',
  description:
    'An active user has not signed in for longer than the stale period (or never signed in). Dormant accounts of people who left or never started keep their mail, files and OAuth grants reachable, and a takeover goes unnoticed.',
  remediation:
    "Check with the user's manager. If the account is no longer needed, suspend it in the Google Admin console (Directory > Users > the user > Suspend user) and later delete it after transferring its Drive data; otherwise have the user sign in.",
  severity: 'low',
  provider: 'google-workspace',
  kind: 'identity',
  streams: ['users'],
  references: ['https://support.google.com/a/answer/33312'],
  frameworks: { soc2: ['CC6.2'], iso27001: ['A.5.18'] },
  evidenceAvailable: signInKnown,
  // Administrators are google-workspace/inactive-admin, at a higher severity.
  appliesTo: (asset) => !asset.isAdmin,
  evaluate(asset, ctx) {
    const evidence = inactivity(asset, ctx.options.staleDays ?? ctx.policy.staleDays, ctx.now);
    return evidence ? { evidence } : null;
  },
});
