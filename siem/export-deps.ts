/** What export needs from the application; built once by runtime/app.ts (or a test). */
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import type { RuleCatalog } from '../db/export-events.ts';
import type { SecretBox } from '../runtime/secrets.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { DestinationGuard } from './destination-guard.ts';
import type { ProductInfo } from './export-event.ts';
import type { SinkDefinition, SinkType } from './sink.ts';

export type SinkRegistry = Record<SinkType, SinkDefinition<never, never>>;

export interface ExportDeps {
  db: Database;
  box: SecretBox;
  logger: Logger;
  rules: RuleCatalog;
  sinks: SinkRegistry;
  product: ProductInfo;
  guard: DestinationGuard;
  /** Retry delays after retryable failures (default 1 s doubling to 5 min). */
  backoff?: BackoffPolicy;
}
