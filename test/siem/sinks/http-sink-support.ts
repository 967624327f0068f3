/**
 * Opening an HTTP sink the way the drain will (config and secrets parsed by the sink's own
 * schemas, a real destination guard), plus small helpers the HEC, Elastic and webhook tests share.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { expect } from 'vitest';
import { createDestinationGuard } from '../../../siem/destination-guard.ts';
import { type SinkClient, type SinkDefinition, SinkError } from '../../../siem/sink.ts';
import { testProduct } from '../../support/export-events.ts';

export const tenant = { id: '11111111-2222-4333-8444-555555555555', slug: 'acme' };

export function openSink<C, S>(
  definition: SinkDefinition<C, S>,
  config: Record<string, unknown>,
  secrets: Record<string, unknown>,
  options: { allowPrivate?: boolean } = {},
): SinkClient {
  return definition.open({
    config: definition.config.parse(config),
    secrets: definition.secrets.parse(secrets),
    sinkId: 'sink-under-test',
    tenant,
    product: testProduct,
    guard: createDestinationGuard({ allowPrivate: options.allowPrivate ?? true }),
    logger: pino({ level: 'silent' }),
  });
}

/** Writes a receiver's self-signed certificate where `caFile` can point. */
export function writeCaFile(pem: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'periscope-ca-')), 'ca.pem');
  writeFileSync(path, pem);
  return path;
}

export const noAbort = new AbortController().signal;

/** The SinkError a delivery threw, checked to carry none of the given secrets. */
export async function sinkFailure(delivery: Promise<unknown>, secrets: string[] = []): Promise<SinkError> {
  const error = await delivery.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SinkError);
  const text = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as Error).stack)}`;
  for (const secret of secrets) expect(text).not.toContain(secret);
  return error as SinkError;
}
