/**
 * Named edits a test makes to "fix" (or break) the tenant between scans. They only change
 * records; responses and ETags follow because both are derived from the records on each call.
 * Each helper throws when its target does not exist, so a typo fails the test loudly.
 */
import type { GhHook, GhOrg, GhRepo, GitHubTenant, TwoFactorState } from './types.ts';

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`github simulator: no ${what}`);
  return value;
}

export function createGitHubMutations(tenant: GitHubTenant) {
  const user = (userId: number) =>
    must(
      tenant.members.find((m) => m.id === userId) ?? tenant.outsideCollaborators.find((c) => c.id === userId),
      `member or outside collaborator ${userId}`,
    );
  const keysOf = (repoName: string) =>
    must(tenant.deployKeys.get(repoName), `deploy keys on repo ${repoName}`);

  return {
    /** Member or outside collaborator 2FA state. */
    setTwoFactor(userId: number, state: TwoFactorState) {
      user(userId).two_factor = state;
    },
    removeMember(userId: number) {
      must(
        tenant.members.find((m) => m.id === userId),
        `member ${userId}`,
      );
      tenant.members = tenant.members.filter((m) => m.id !== userId);
    },
    updateOrg(patch: Partial<GhOrg>) {
      Object.assign(tenant.org, patch);
    },
    updateHook(hookId: number, patch: Partial<GhHook['config']> & { active?: boolean }) {
      const hook = must(
        tenant.hooks.find((h) => h.id === hookId),
        `hook ${hookId}`,
      );
      const { active, ...config } = patch;
      if (active !== undefined) hook.active = active;
      Object.assign(hook.config, config);
    },
    deleteHook(hookId: number) {
      must(
        tenant.hooks.find((h) => h.id === hookId),
        `hook ${hookId}`,
      );
      tenant.hooks = tenant.hooks.filter((h) => h.id !== hookId);
    },
    deleteDeployKey(repoName: string, keyId: number) {
      const keys = keysOf(repoName);
      must(
        keys.find((k) => k.id === keyId),
        `deploy key ${keyId}`,
      );
      tenant.deployKeys.set(
        repoName,
        keys.filter((k) => k.id !== keyId),
      );
    },
    setDeployKeyReadOnly(repoName: string, keyId: number, readOnly = true) {
      must(
        keysOf(repoName).find((k) => k.id === keyId),
        `deploy key ${keyId}`,
      ).read_only = readOnly;
    },
    setRepoSecretScanning(repoId: number, status: GhRepo['secret_scanning']) {
      must(
        tenant.repos.find((r) => r.id === repoId),
        `repo ${repoId}`,
      ).secret_scanning = status;
    },
    resolveSecretAlert(
      repoName: string,
      alertNumber: number,
      resolution: 'revoked' | 'false_positive' = 'revoked',
    ) {
      const alert = must(
        tenant.secretAlerts.find((a) => a.repo === repoName && a.number === alertNumber),
        `secret alert ${repoName}#${alertNumber}`,
      );
      Object.assign(alert, {
        state: 'resolved',
        resolution,
        resolved_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      });
    },
  };
}

export type GitHubMutations = ReturnType<typeof createGitHubMutations>;
