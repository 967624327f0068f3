/** Each GitHub stream against the simulator: the assets it yields match the simulated org. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitHubSimulator, githubAssetKey, startGitHubSimulator } from '../../../sandbox/github/index.ts';
import type { Asset } from '../../../scanner/model.ts';
import { collectAssets, githubContext, keysOf } from './harness.ts';

let sim: GitHubSimulator;
beforeAll(async () => {
  sim = await startGitHubSimulator({ seed: 7 });
});
afterAll(() => sim?.close());

const sorted = (keys: string[]) => [...keys].sort();
const byExternalId = (assets: Asset[]) => new Map(assets.map((a) => [a.externalId, a]));

describe('github streams (owner token)', () => {
  it('org-settings yields the org setting', async () => {
    const assets = await collectAssets(githubContext(sim, 'owner-token'), 'org-settings');
    expect(keysOf(assets)).toEqual([githubAssetKey.orgSettings(sim.org)]);
    expect(assets[0]).toMatchObject({
      values: {
        twoFactorRequired: sim.tenant.org.two_factor_requirement_enabled,
        defaultRepositoryPermission: sim.tenant.org.default_repository_permission,
      },
    });
  });

  it('members yields every member with owner and 2FA facts', async () => {
    const assets = byExternalId(await collectAssets(githubContext(sim, 'owner-token'), 'members'));
    expect(assets.size).toBe(sim.tenant.members.length);
    for (const member of sim.tenant.members) {
      expect(assets.get(String(member.id))).toMatchObject({
        identityType: 'user',
        isAdmin: member.role === 'admin',
        mfaEnabled: member.two_factor !== 'disabled',
      });
    }
  });

  it('members reports 2FA unknown when the token may not use the 2FA filter', async () => {
    const assets = await collectAssets(githubContext(sim, 'member-token'), 'members');
    expect(assets.length).toBe(sim.tenant.members.length);
    expect(assets.every((a) => a.kind === 'identity' && a.mfaEnabled === null)).toBe(true);
  });

  it('outside-collaborators yields external identities', async () => {
    const assets = await collectAssets(githubContext(sim, 'owner-token'), 'outside-collaborators');
    expect(keysOf(assets)).toEqual(
      sorted(sim.tenant.outsideCollaborators.map((u) => githubAssetKey.identity(u.id))),
    );
    expect(assets.every((a) => a.kind === 'identity' && a.identityType === 'outside_collaborator')).toBe(
      true,
    );
  });

  it('repos yields one setting per repository', async () => {
    const assets = await collectAssets(githubContext(sim, 'owner-token'), 'repos');
    expect(keysOf(assets)).toEqual(sorted(sim.tenant.repos.map((r) => githubAssetKey.repo(r.id))));
  });

  it('deploy-keys fans out over repositories', async () => {
    const assets = await collectAssets(githubContext(sim, 'owner-token'), 'deploy-keys');
    const expected = [...sim.tenant.deployKeys].flatMap(([repo, keys]) =>
      keys.map((k) => githubAssetKey.deployKey(`${sim.org}/${repo}`, k.id)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(keysOf(assets)).toEqual(sorted(expected));
    expect(JSON.stringify(assets)).not.toContain('ssh-');
  });

  it('installations yields apps and installation grants', async () => {
    const assets = await collectAssets(githubContext(sim, 'owner-token'), 'installations');
    const expected = sim.tenant.installations.flatMap((i) => [
      githubAssetKey.installation(i.id),
      githubAssetKey.app(i.app_slug),
    ]);
    expect(keysOf(assets)).toEqual(sorted([...new Set(expected)]));
  });

  it('saml-credentials yields credential grants', async () => {
    const assets = await collectAssets(githubContext(sim, 'owner-token'), 'saml-credentials');
    expect(keysOf(assets)).toEqual(
      sorted(sim.tenant.credentialAuthorizations.map((c) => githubAssetKey.credential(c.credential_id))),
    );
  });

  it('webhooks yields hook settings', async () => {
    const assets = await collectAssets(githubContext(sim, 'owner-token'), 'webhooks');
    expect(keysOf(assets)).toEqual(sorted(sim.tenant.hooks.map((h) => githubAssetKey.hook(h.id))));
  });

  it('actions yields one combined setting', async () => {
    const assets = await collectAssets(githubContext(sim, 'owner-token'), 'actions');
    expect(keysOf(assets)).toEqual([githubAssetKey.actions(sim.org)]);
    expect(assets[0]).toMatchObject({
      values: {
        allowedActions: sim.tenant.actionsPermissions.allowed_actions,
        defaultWorkflowPermissions: sim.tenant.workflowPermissions.default_workflow_permissions,
      },
    });
  });

  it('secret-scanning-alerts yields alerts without secrets', async () => {
    const assets = await collectAssets(githubContext(sim, 'owner-token'), 'secret-scanning-alerts');
    expect(keysOf(assets)).toEqual(
      sorted(
        sim.tenant.secretAlerts.map((a) => githubAssetKey.secretAlert(`${sim.org}/${a.repo}`, a.number)),
      ),
    );
    const serialized = JSON.stringify(assets);
    for (const alert of sim.tenant.secretAlerts) expect(serialized).not.toContain(alert.secret);
  });

  it('copilot yields the Copilot policy', async () => {
    const assets = await collectAssets(githubContext(sim, 'owner-token'), 'copilot');
    expect(keysOf(assets)).toEqual([githubAssetKey.copilot(sim.org)]);
  });
});

describe('github streams (App auth)', () => {
  it('pat-grants yields approved grants and pending requests', async () => {
    const assets = await collectAssets(githubContext(sim, 'app'), 'pat-grants');
    expect(keysOf(assets)).toEqual(
      sorted([
        ...sim.tenant.patGrants.map((g) => githubAssetKey.patGrant(g.id)),
        ...sim.tenant.patRequests.map((r) => githubAssetKey.patRequest(r.id)),
      ]),
    );
  });

  it('verify succeeds with App credentials', async () => {
    const { githubConnector } = await import('../../../connectors/github/index.ts');
    await expect(githubConnector.verify(githubContext(sim, 'app'))).resolves.toBeUndefined();
  });
});
