/**
 * Builds a sink's client from its stored row: parses the stored config with the sink's schema
 * (a row written by an older version fails here, loudly, as config_invalid) and opens the
 * sealed secrets. Secrets exist in clear only inside the returned client.
 */
import { eq } from 'drizzle-orm';
import type { ExportSink } from '../db/export-sinks.ts';
import { tenants } from '../db/schema.ts';
import { PeriscopeError } from '../scanner/errors.ts';
import type { ExportDeps } from './export-deps.ts';
import type { SinkClient, SinkDefinition } from './sink.ts';
import { parseSinkSettings } from './sink-settings.ts';

export function sinkDefinition(
  deps: Pick<ExportDeps, 'sinks'>,
  type: string,
): SinkDefinition<unknown, unknown> {
  const definition = deps.sinks[type as keyof ExportDeps['sinks']] as
    | SinkDefinition<unknown, unknown>
    | undefined;
  if (!definition)
    throw new PeriscopeError(
      'config_invalid',
      `unknown export sink type "${type}"; expected one of ${Object.keys(deps.sinks).join(', ')}`,
    );
  return definition;
}

/** The sink's client and its largest batch. */
export async function openSinkClient(
  deps: ExportDeps,
  sink: ExportSink,
): Promise<{ client: SinkClient; maxBatch: number }> {
  const [tenant] = await deps.db
    .select({ slug: tenants.slug })
    .from(tenants)
    .where(eq(tenants.id, sink.tenantId));
  const definition = sinkDefinition(deps, sink.type);
  const config = parseSinkSettings(definition.config, sink.config, `export sink "${sink.name}" config`);
  const secrets = parseSinkSettings(
    definition.secrets,
    deps.box.open(sink.secretCiphertext),
    `export sink "${sink.name}" secrets`,
    true,
  );
  const client = definition.open({
    config,
    secrets,
    sinkId: sink.id,
    tenant: { id: sink.tenantId, slug: tenant?.slug ?? sink.tenantId },
    product: deps.product,
    guard: deps.guard,
    logger: deps.logger.child({ sink: sink.name, sinkType: sink.type }),
  });
  return { client, maxBatch: definition.maxBatch };
}
