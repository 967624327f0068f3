import { defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Base permissions that count as too broad. Default: write and admin. */
  broadPermissions: string[];
}

export default defineRule<'setting', Options>({
  id: 'github/org-base-permission-too-broad',
  title: 'Organization base repository permission is read or none',
  description:
    'The base permission applies to every member on every repository. Write or admin lets any member push to, or reconfigure, repositories they have no business changing.',
  remediation:
    'In the organization settings, open Member privileges and set "Base permissions" to Read or No permission; grant write access through teams instead.',
  severity: 'medium',
  provider: 'github',
  kind: 'setting',
  streams: ['org-settings'],
  options: { broadPermissions: ['write', 'admin'] },
  references: [
    'https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/setting-base-permissions-for-an-organization',
  ],
  frameworks: {
    cis_github: ['1.3.8'],
    prowler: ['organization_default_repository_permission_strict'],
    soc2: ['CC6.3'],
  },
  appliesTo: (asset) => asset.settingType === 'github.org',
  evaluate(asset, ctx) {
    const permission = asset.values.defaultRepositoryPermission;
    if (typeof permission !== 'string' || !ctx.options.broadPermissions.includes(permission)) return null;
    return { evidence: { defaultRepositoryPermission: permission } };
  },
});
