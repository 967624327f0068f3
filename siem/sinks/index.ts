/** The sink catalog: one file per destination type (conformance: test/siem/sinks-registry.test.ts). */
import type { SinkRegistry } from '../export-deps.ts';
import elastic from './elastic.ts';
import file from './file.ts';
import splunkHec from './splunk-hec.ts';
import syslog from './syslog.ts';
import webhook from './webhook.ts';

export const sinks = {
  'splunk-hec': splunkHec,
  syslog,
  elastic,
  webhook,
  file,
} as unknown as SinkRegistry;
