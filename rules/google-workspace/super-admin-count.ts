import { defineTenantRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Fewer active super admins than this is a finding. Default 2. */
  minSuperAdmins: number;
  /** More active super admins than this is a finding. Default 8 (CIS asks for at most 4). */
  maxSuperAdmins: number;
}

interface SuperAdminFacts {
  count: number;
  /** Names of the first super admins, for the evidence. */
  names: string[];
}

/** How many names the evidence lists. */
const listedNames = 25;

/**
 * The customer has no asset of its own in the model, so the finding hangs on a fixed setting
 * key: one per connection, as GitHub's hangs on its org settings asset.
 */
const customerAsset = {
  kind: 'setting' as const,
  externalId: 'customer:super-admins',
  name: 'Super admins',
  url: null,
};

export default defineTenantRule<SuperAdminFacts, Options>({
  id: 'google-workspace/super-admin-count',
  title: 'The organization has between two and eight super admins',
  description:
    'Super admins can change every setting and reach every account. With a single one, losing that account locks the organization out of its own console; with many, each extra account is another path to full control.',
  remediation:
    'In the Google Admin console go to Account > Admin roles > Super Admin and review the assigned admins: give the role to a second trusted person when there is only one, and replace it with narrower pre-built or custom roles for those who do not need full control.',
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'identity',
  streams: ['users'],
  options: { minSuperAdmins: 2, maxSuperAdmins: 8 },
  references: ['https://support.google.com/a/answer/2405986', 'https://support.google.com/a/answer/9807615'],
  frameworks: {
    scuba: ['GWS.COMMONCONTROLS.6.2v1'],
    cis_google_workspace: ['1.1.1', '1.1.2'],
    soc2: ['CC6.3'],
  },
  async query(q) {
    // The aggregate filters top-level fields only: role and suspended are; archived is not.
    const filter = { kind: 'identity' as const, where: { role: 'super_admin', suspended: false } };
    const count = await q.count(filter);
    const names = (await q.list(filter, listedNames)).map((admin) => admin.name);
    return { count, names };
  },
  evaluate(facts, ctx) {
    const { minSuperAdmins, maxSuperAdmins } = ctx.options;
    if (facts.count >= minSuperAdmins && facts.count <= maxSuperAdmins) return [];
    return [
      {
        asset: customerAsset,
        evidence: { superAdmins: facts.count, minSuperAdmins, maxSuperAdmins, names: facts.names },
      },
    ];
  },
});
