/**
 * ArcSight CEF rendering of an export event, the payload syslog sinks carry for ArcSight/QRadar-
 * style consumers: `CEF:0|vendor|product|version|<rule id>|<name>|<severity 0-10>|<extension>`.
 * Escaping follows "Implementing ArcSight CEF" rev. 20 (see research/siem.md §3.3): header fields
 * escape `\` and `|`, extension values escape `\` and `=` and encode CR/LF; pipes in extensions
 * and spaces anywhere are left alone (a value runs until the next ` key=`).
 */
import type { ExportEvent, ProductInfo } from '../export-event.ts';
import { describeEvent, ocsfLifecycle } from '../ocsf/compliance-finding.ts';

/** critical→10 (Very-High band), high→8, medium→5, low→3, info→1. */
export const cefSeverity: Record<ExportEvent['severity'], number> = {
  critical: 10,
  high: 8,
  medium: 5,
  low: 3,
  info: 1,
};

/** Header fields may not contain a raw pipe, and no newline at all (the receiver splits records on it). */
export function escapeCefHeader(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|[\r\n]/g, ' ');
}

/** An unescaped `=` would start a new key; raw newlines would end the record. */
export function escapeCefExtension(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/=/g, '\\=').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

export function toCef(event: ExportEvent, product: ProductInfo): string {
  const { finding, rule } = event;
  const header = [
    'CEF:0',
    escapeCefHeader(product.vendor),
    escapeCefHeader(product.name),
    escapeCefHeader(product.version),
    escapeCefHeader(finding.ruleId),
    escapeCefHeader(rule?.title ?? finding.title),
    String(cefSeverity[event.severity]),
  ].join('|');

  const fields: Array<[string, string | number | null]> = [
    ['rt', event.at.getTime()],
    ['externalId', finding.fingerprint],
    ['act', event.type],
    ['cat', finding.assetKind || 'Misconfiguration'],
    ['outcome', ocsfLifecycle(event).complianceStatusId === 1 ? 'success' : 'failure'],
    ['msg', describeEvent(event)],
    ['request', finding.assetUrl],
    ['cs1Label', 'tenant'],
    ['cs1', event.tenant.slug],
    ['cs2Label', 'control'],
    ['cs2', finding.ruleId],
    ['cs3Label', 'event_id'],
    ['cs3', event.uid],
    ['cs4Label', 'provider'],
    ['cs4', finding.provider],
    ['cs5Label', 'asset'],
    ['cs5', finding.assetName],
    ['cs6Label', 'status'],
    ['cs6', event.toStatus],
  ];
  const extension = fields
    .filter((field): field is [string, string | number] => field[1] !== null)
    .map(([key, value]) => `${key}=${escapeCefExtension(String(value))}`)
    .join(' ');
  return `${header}|${extension}`;
}
