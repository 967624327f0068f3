/**
 * One finding event as an RFC 5424 syslog message (header, `periscope@32473` structured data,
 * CEF or OCSF JSON body) and its octet-counted frame (RFC 6587 §3.4.1, RFC 5425 §4.3), for the
 * syslog sink. See research/siem.md §3.
 */
import type { Severity } from '../../scanner/model.ts';
import type { ExportEvent, ProductInfo } from '../export-event.ts';
import { toOcsf } from '../ocsf/compliance-finding.ts';
import { toCef } from './cef.ts';

/** Syslog severities: critical→2 Critical, high→3 Error, medium→4 Warning, low→5 Notice, info→6 Informational. */
const syslogSeverity: Record<Severity, number> = { critical: 2, high: 3, medium: 4, low: 5, info: 6 };

/** SD-ID `name@<PEN>`; 32473 is the private enterprise number RFC 5612 reserves for documentation. */
const sdId = 'periscope@32473';

/** Anything outside PRINTUSASCII becomes `_` and the field is cut to its limit; empty is NILVALUE. */
function headerToken(value: string, maxLength: number): string {
  const token = value.replace(/[^\x21-\x7e]/g, '_').slice(0, maxLength);
  return token === '' ? '-' : token;
}

/** Inside PARAM-VALUE, `"`, `\` and `]` must be escaped (RFC 5424 §6.3.3). */
function sdValue(value: string): string {
  return value.replace(/["\\\]]/g, '\\$&');
}

export interface SyslogMessageOptions {
  facility: number;
  hostname: string;
  appName: string;
  format: 'cef' | 'json';
  product: ProductInfo;
}

/** `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG` for one event. */
export function syslogMessage(event: ExportEvent, options: SyslogMessageOptions): string {
  const pri = options.facility * 8 + syslogSeverity[event.severity];
  const header = [
    `<${pri}>1`,
    event.at.toISOString(), // RFC 3339, milliseconds, Z
    headerToken(options.hostname, 255),
    headerToken(options.appName, 48),
    '-', // PROCID: the worker's pid says nothing to a SOC
    headerToken(event.type, 32),
  ].join(' ');
  const structuredData = `[${sdId} event_uid="${sdValue(event.uid)}" finding_uid="${sdValue(event.finding.fingerprint)}" tenant="${sdValue(event.tenant.slug)}"]`;
  // No UTF-8 BOM before MSG: RFC 5424 allows MSG-ANY, and rsyslog 8.2302 keeps the BOM as three
  // bytes at the start of %msg%, so the body forwarded to a SIEM would no longer start with
  // `CEF:` (parsers key on it) or be valid JSON (JSON.parse refuses a leading BOM). CEF and JSON
  // are UTF-8 by their own specifications.
  const body =
    options.format === 'cef' ? toCef(event, options.product) : JSON.stringify(toOcsf(event, options.product));
  return `${header} ${structuredData} ${body}`;
}

/** RFC 6587 §3.4.1 / RFC 5425 §4.3 octet counting: MSG-LEN counts bytes, not characters. */
export function octetCountedFrame(message: string): Buffer {
  const bytes = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${bytes.length} `, 'ascii'), bytes]);
}
