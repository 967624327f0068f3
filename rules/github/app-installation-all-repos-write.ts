import { defineRule } from '../define-rule.ts';

/** Metadata is read-only by nature and granted to every App; it never makes an installation risky. */
const ignoredPermissions = new Set(['metadata']);

export default defineRule({
  id: 'github/app-installation-all-repos-write',
  title: 'GitHub Apps with write access are limited to selected repositories',
  description:
    'An App installed on all repositories with write or admin permissions can change code and settings in every current and future repository; a compromise of the App vendor reaches the whole organization.',
  remediation:
    'In the organization settings, open GitHub Apps, configure the installation and switch "Repository access" to "Only select repositories", or ask the vendor for narrower permissions.',
  severity: 'high',
  provider: 'github',
  kind: 'oauth_grant',
  streams: ['installations'],
  references: [
    'https://docs.github.com/en/apps/using-github-apps/reviewing-and-modifying-installed-github-apps',
    'https://docs.github.com/en/apps/using-github-apps/about-using-github-apps',
  ],
  frameworks: { cis_github: ['1.4.3'], soc2: ['CC6.3'] },
  appliesTo: (asset) => asset.externalId.startsWith('installation:'),
  evaluate(asset) {
    if (!asset.allResources) return null;
    // Scopes are `<permission>:<level>`, e.g. 'contents:write'.
    const writeScopes = asset.scopes.filter((scope) => {
      const [permission = '', level = ''] = scope.split(':');
      return !ignoredPermissions.has(permission) && (level === 'write' || level === 'admin');
    });
    if (writeScopes.length === 0) return null;
    return { evidence: { app: asset.appId, repositorySelection: 'all', writeScopes } };
  },
});
