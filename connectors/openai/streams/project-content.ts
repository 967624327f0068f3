/**
 * What only a project's own key can list: files, vector stores, assistants. Projects the
 * connection has no key for (or whose key is refused) are skipped; the others are read, and the
 * stream then ends unavailable naming the skipped projects, so nothing of theirs is resolved.
 */
import { type Batch, defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError, StreamUnavailableError } from '../../../scanner/errors.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import type { OpenAIClient } from '../client.ts';
import type { OpenAICredentials } from '../credentials.ts';
import { FILES_PAGE_SIZE, PAGE_SIZE } from '../manifest.ts';
import { normalizeFile } from '../normalize/files.ts';
import { assistantSetting, vectorStoreSetting } from '../normalize/settings.ts';
import { listActiveProjects } from '../org-data.ts';
import { Assistant, File, type Project, VectorStore } from '../schemas.ts';
import { perProject } from './fan-out.ts';

type Read = (client: OpenAIClient, project: Project, observedAt: string) => Promise<AssetInput[]>;

async function* readKeyedProjects(client: OpenAIClient, what: string, read: Read): AsyncGenerator<Batch> {
  if (client.keyedProjects.length === 0) {
    throw new StreamUnavailableError(
      'requires_project_keys',
      `openai: ${what} are project-scoped and admin keys cannot list them; add project keys to the connection (--secret projectKeys=@keys.json holding {"proj_…": "sk-proj-…"})`,
    );
  }
  const projects = await listActiveProjects(client);
  const skipped = projects.filter((p) => !client.forProject(p.id)).map((p) => p.id);
  const refused: string[] = [];
  const observedAt = new Date().toISOString();
  yield* perProject(
    client,
    projects.filter((p) => client.forProject(p.id)),
    async (project) => {
      try {
        return await read(client, project, observedAt);
      } catch (error) {
        if (isPeriscopeError(error) && (error.code === 'auth_failed' || error.code === 'permission_denied')) {
          refused.push(project.id);
          return [];
        }
        throw error;
      }
    },
  );
  if (skipped.length + refused.length > 0) {
    const parts = [
      skipped.length ? `no key for ${skipped.length} project(s): ${skipped.join(', ')}` : '',
      refused.length ? `key refused for ${refused.length} project(s): ${refused.join(', ')}` : '',
    ].filter(Boolean);
    throw new StreamUnavailableError(
      'project_keys_missing',
      `openai: ${what} of the other projects were read; ${parts.join('; ')}`,
    );
  }
}

const forProject = (client: OpenAIClient, project: Project) => client.forProject(project.id)!;

export const filesStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'files',
  kinds: ['file'],
  collect: (ctx) =>
    readKeyedProjects(ctx.client, 'files', async (client, project, observedAt) => {
      const files = await client.listAll('GET /files', File, (signal) =>
        forProject(client, project).files.list({ limit: FILES_PAGE_SIZE }, { signal }),
      );
      return files.map((file) => normalizeFile(file, project, observedAt));
    }),
});

export const vectorStoresStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'vector-stores',
  kinds: ['setting'],
  collect: (ctx) =>
    readKeyedProjects(ctx.client, 'vector stores', async (client, project, observedAt) => {
      const stores = await client.listAll('GET /vector_stores', VectorStore, (signal) =>
        forProject(client, project).vectorStores.list({ limit: PAGE_SIZE }, { signal }),
      );
      return stores.map((store) => vectorStoreSetting(store, project, observedAt));
    }),
});

export const assistantsStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'assistants',
  kinds: ['setting'],
  collect: (ctx) =>
    readKeyedProjects(ctx.client, 'assistants', async (client, project, observedAt) => {
      const assistants = await client.listAll('GET /assistants', Assistant, (signal) =>
        forProject(client, project).beta.assistants.list({ limit: PAGE_SIZE }, { signal }),
      );
      return assistants.map((assistant) => assistantSetting(assistant, project, observedAt));
    }),
});
