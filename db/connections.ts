/**
 * Connections: non-secret config in clear, credentials sealed with the SecretBox. Credentials are
 * opened only by the scan runner; nothing here returns them in a listing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { SecretBox } from '../runtime/secrets.ts';
import type { StreamState } from '../scanner/connector.ts';
import { PeriscopeError } from '../scanner/errors.ts';
import type { Provider } from '../scanner/model.ts';
import type { Database } from './client.ts';
import { connections, streamState } from './schema.ts';

export type ConnectionRow = typeof connections.$inferSelect;
export type Connection = Omit<ConnectionRow, 'secretCiphertext'>;

export interface NewConnection {
  tenantId: string;
  provider: Provider;
  name?: string;
  baseUrl?: string | null;
  config: Record<string, string>;
  credentials: unknown;
}

function publicView(row: ConnectionRow): Connection {
  const { secretCiphertext: _sealed, ...rest } = row;
  return rest;
}

export async function createConnection(
  db: Database,
  box: SecretBox,
  input: NewConnection,
): Promise<Connection> {
  const name = input.name ?? input.provider;
  const values = {
    tenantId: input.tenantId,
    provider: input.provider,
    name,
    baseUrl: input.baseUrl ?? null,
    config: input.config,
    secretCiphertext: box.seal(input.credentials),
  };
  const [row] = await db.insert(connections).values(values).onConflictDoNothing().returning();
  if (!row)
    throw new PeriscopeError('config_invalid', `this tenant already has a connection named "${name}"`);
  return publicView(row);
}

/** Replaces config and credentials of an existing connection (re-connect, key rotation). */
export async function updateConnection(
  db: Database,
  box: SecretBox,
  tenantId: string,
  id: string,
  input: Pick<NewConnection, 'baseUrl' | 'config' | 'credentials'>,
): Promise<Connection> {
  const [row] = await db
    .update(connections)
    .set({
      baseUrl: input.baseUrl ?? null,
      config: input.config,
      secretCiphertext: box.seal(input.credentials),
      updatedAt: new Date(),
    })
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, id)))
    .returning();
  if (!row) throw new PeriscopeError('not_found', `no connection ${id} in this tenant`);
  return publicView(row);
}

export async function listConnections(db: Database, tenantId: string): Promise<Connection[]> {
  const rows = await db
    .select()
    .from(connections)
    .where(eq(connections.tenantId, tenantId))
    .orderBy(connections.name);
  return rows.map(publicView);
}

export async function getConnection(db: Database, tenantId: string, id: string): Promise<Connection> {
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, id)));
  if (!row) throw new PeriscopeError('not_found', `no connection ${id} in this tenant`);
  return publicView(row);
}

/** Only the scan runner calls this, inside a running scan. */
export async function openCredentials<C>(
  db: Database,
  box: SecretBox,
  tenantId: string,
  id: string,
): Promise<C> {
  const [row] = await db
    .select({ sealed: connections.secretCiphertext })
    .from(connections)
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, id)));
  if (!row) throw new PeriscopeError('not_found', `no connection ${id} in this tenant`);
  return box.open<C>(row.sealed);
}

export async function deleteConnection(db: Database, tenantId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(connections)
    .where(and(eq(connections.tenantId, tenantId), eq(connections.id, id)))
    .returning({ id: connections.id });
  if (deleted.length === 0) throw new PeriscopeError('not_found', `no connection ${id} in this tenant`);
}

export interface LoadedStreamState {
  state: StreamState;
  /** Writes what changed since the last flush, in one statement. */
  flush(): Promise<void>;
}

/**
 * A stream's state is read once when the stream starts and written back after each batch, so a
 * stream that keeps an ETag per page (thousands of pages) does not cost a query per page.
 */
export async function loadStreamState(
  db: Database,
  connectionId: string,
  stream: string,
): Promise<LoadedStreamState> {
  const rows = await db
    .select({ key: streamState.key, value: streamState.value })
    .from(streamState)
    .where(and(eq(streamState.connectionId, connectionId), eq(streamState.stream, stream)));
  const values = new Map<string, unknown>(rows.map((r) => [r.key, r.value]));
  const dirty = new Set<string>();
  return {
    state: {
      async get<T>(key: string) {
        return values.get(key) as T | undefined;
      },
      async set(key: string, value: unknown) {
        values.set(key, value);
        dirty.add(key);
      },
    },
    async flush() {
      if (dirty.size === 0) return;
      const now = new Date();
      const batch = [...dirty].map((key) => ({
        connectionId,
        stream,
        key,
        value: values.get(key) ?? null,
        updatedAt: now,
      }));
      dirty.clear();
      for (let i = 0; i < batch.length; i += 500) {
        await db
          .insert(streamState)
          .values(batch.slice(i, i + 500))
          .onConflictDoUpdate({
            target: [streamState.connectionId, streamState.stream, streamState.key],
            set: { value: sql`excluded.value`, updatedAt: now },
          });
      }
    },
  };
}
