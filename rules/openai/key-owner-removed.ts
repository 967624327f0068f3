import { defineRule } from '../define-rule.ts';

const KEY_TYPES = new Set(['openai_admin_key', 'openai_project_key']);
const GONE = new Set(['removed', 'suspended']);

export default defineRule<'api_key'>({
  id: 'openai/key-owner-removed',
  title: 'API keys belong to current members',
  description:
    'A key keeps working after its owner leaves the organization or the project, or is suspended: nobody is accountable for it any more, and someone who left can still use it.',
  remediation:
    'Revoke the key (Settings > Organization > Admin keys, or Settings > (the project) > API keys). If a system still needs access, give it a service-account key owned by the project.',
  severity: 'high',
  provider: 'openai',
  kind: 'api_key',
  streams: ['admin-keys', 'project-keys'],
  references: [
    'https://platform.openai.com/docs/api-reference/project-api-keys',
    'https://platform.openai.com/docs/api-reference/admin-api-keys',
  ],
  frameworks: { soc2: ['CC6.2', 'CC6.3'], iso27001: ['A.5.18', 'A.6.5'] },
  appliesTo: (asset) => KEY_TYPES.has(asset.keyType),
  // Without the org user list the owner's status is unknown; a project's own verdict still counts.
  evidenceAvailable: (asset) =>
    asset.attributes.ownerStatus !== 'unknown' || asset.attributes.ownerProjectAccess === 'inactive',
  evaluate(asset) {
    const status = String(asset.attributes.ownerStatus ?? 'unknown');
    const projectAccess = asset.attributes.ownerProjectAccess ?? null;
    if (projectAccess !== 'inactive' && !GONE.has(status)) return null;
    return {
      evidence: {
        hint: asset.hint,
        owner: asset.owner,
        ownerType: asset.attributes.ownerType ?? null,
        ownerStatus: status,
        ownerProjectAccess: projectAccess,
        projectId: asset.attributes.projectId ?? null,
      },
    };
  },
});
