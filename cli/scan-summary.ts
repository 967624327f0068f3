/** What a person wants to see after a scan: status per connection, findings by severity, top rules. */
import type { Database } from '../db/client.ts';
import { listFindings } from '../db/finding-queries.ts';
import type { Scan } from '../db/scans.ts';
import { severities } from '../scanner/model.ts';
import { print, table } from './output.ts';

export async function printScanSummary(
  db: Database,
  tenantId: string,
  scans: Scan[],
  providerOf: (s: Scan) => string,
) {
  print(
    table(
      ['provider', 'status', 'assets', 'http calls', 'not evaluated'],
      scans.map((s) => [
        providerOf(s),
        s.status,
        Object.values(s.counts).reduce((a, b) => a + b, 0),
        s.httpCalls,
        Object.values(s.rules).filter((r) => r.status === 'not_evaluated').length,
      ]),
    ),
  );
  for (const scan of scans) {
    const skipped = Object.entries(scan.rules).filter(([, r]) => r.status === 'not_evaluated');
    if (skipped.length > 0) {
      print(`not evaluated (${providerOf(scan)}):`);
      for (const [id, r] of skipped) print(`  ${id}: ${r.reason}`);
    }
  }
  const open = await listFindings(db, tenantId, { status: 'open' });
  const byProvider = new Map<string, Map<string, number>>();
  const byRule = new Map<string, { title: string; severity: string; n: number }>();
  for (const f of open) {
    const counts = byProvider.get(f.provider) ?? new Map<string, number>();
    counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
    byProvider.set(f.provider, counts);
    const rule = byRule.get(f.ruleId) ?? { title: f.title, severity: f.severity, n: 0 };
    rule.n += 1;
    byRule.set(f.ruleId, rule);
  }
  const order = [...severities].reverse();
  print(`\nopen findings: ${open.length}`);
  print(
    table(
      ['provider', ...order, 'total'],
      [...byProvider.entries()].map(([p, counts]) => [
        p,
        ...order.map((s) => counts.get(s) ?? 0),
        [...counts.values()].reduce((a, b) => a + b, 0),
      ]),
    ),
  );
  const top = [...byRule.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, 10);
  print('top rules:');
  print(
    table(
      ['rule', 'severity', 'findings', 'title'],
      top.map(([id, r]) => [id, r.severity, r.n, r.title]),
    ),
  );
}
