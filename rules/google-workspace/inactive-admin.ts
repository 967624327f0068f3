import { defineRule } from '../define-rule.ts';
import { inactivity, signInKnown } from '../google-users.ts';

interface Options extends Record<string, unknown> {
  /** Days without a sign-in before an admin counts as inactive; default: the tenant policy's staleDays. */
  staleDays?: number;
}

export default defineRule<'identity', Options>({
  id: 'google-workspace/inactive-admin',
  title: 'Administrator accounts are in use',
  description:
    'An active super or delegated administrator has not signed in for longer than the stale period (or never signed in). A dormant admin account keeps its full privileges, nobody notices when it is misused, and its password and recovery options are often out of date.',
  remediation:
    'Confirm the admin still needs the role. If not, remove the role in the Google Admin console (Directory > Users > the user > Admin roles and privileges), then suspend or delete the account; otherwise have the admin sign in and review their recovery options.',
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'identity',
  streams: ['users'],
  references: ['https://support.google.com/a/answer/33312', 'https://support.google.com/a/answer/9807615'],
  frameworks: { soc2: ['CC6.2', 'CC6.3'], iso27001: ['A.5.18'] },
  evidenceAvailable: signInKnown,
  appliesTo: (asset) => asset.isAdmin,
  evaluate(asset, ctx) {
    const evidence = inactivity(asset, ctx.options.staleDays ?? ctx.policy.staleDays, ctx.now);
    return evidence ? { evidence } : null;
  },
});
