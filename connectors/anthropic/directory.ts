/**
 * The member and workspace lists, each read once per scan and shared: the users stream yields
 * members, the api-keys stream checks key creators against them; the workspaces stream yields
 * workspaces, the tool-usage stream names them.
 */
import type { AnthropicClient } from './client.ts';
import { anthropicManifest } from './manifest.ts';
import { AnUser } from './normalize/users.ts';
import { AnWorkspace } from './normalize/workspaces.ts';

export function loadUsers(client: AnthropicClient): Promise<AnUser[]> {
  return client.once('users', async () => {
    const users: AnUser[] = [];
    const pages = client.list(
      anthropicManifest.endpoints.users,
      (sdk) => sdk.organization.users.list({ limit: client.pageSize }),
      AnUser,
    );
    for await (const page of pages) users.push(...page);
    return users;
  });
}

/** Every workspace but the default one, archived ones included. */
export function loadWorkspaces(client: AnthropicClient): Promise<AnWorkspace[]> {
  return client.once('workspaces', async () => {
    const workspaces: AnWorkspace[] = [];
    const pages = client.list(
      anthropicManifest.endpoints.workspaces,
      (sdk) => sdk.organization.workspaces.list({ limit: client.pageSize, include_archived: true }),
      AnWorkspace,
    );
    for await (const page of pages) workspaces.push(...page);
    return workspaces;
  });
}
