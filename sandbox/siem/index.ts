/**
 * SIEM receivers for the export sinks' tests, the outage test, the benchmark and `periscope demo`:
 * a Splunk HEC, an Elasticsearch `_bulk` endpoint and a Standard Webhooks endpoint, each on its
 * own 127.0.0.1 port (HTTP, or HTTPS with `caPem` to trust), with fault modes via `setMode`.
 */

export {
  type ElasticReceiver,
  type ElasticReceiverOptions,
  type StoredDocument,
  startElasticReceiver,
} from './elastic.ts';
export {
  DEFAULT_HEC_TOKEN,
  type HecEnvelope,
  type HecReceiver,
  type HecReceiverOptions,
  type HecTokenOptions,
  type ReceivedHecEvent,
  scanHecEnvelopes,
  startHecReceiver,
} from './hec.ts';
export {
  type ReceiverHostOptions,
  type ReceiverMode,
  THROTTLE_RETRY_AFTER_SECONDS,
} from './receiver-host.ts';
export {
  startWebhookReceiver,
  type WebhookDelivery,
  type WebhookMode,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from './webhook.ts';
