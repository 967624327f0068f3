/** Overview: open findings by severity and provider, the trend across scans, top rules, connections. */
import { api, tenantPath } from '../api/client.tsx';
import { ruleCatalog } from '../api/rules.tsx';
import { type Connection, type FindingPage, severities, type TrendPoint } from '../api/types.tsx';
import { formatDate, SeverityBadge, StatusBadge } from '../components/badges.tsx';
import { ChartWithTable } from '../components/chart.tsx';
import { categoricalColors, openedColor, resolvedColor, severityColors } from '../components/palette.tsx';
import { Loaded } from '../components/status.tsx';
import { useResource } from '../components/use-resource.tsx';

async function loadOverview(tenant: string) {
  const [open, trend, connections, rules] = await Promise.all([
    api<FindingPage>('GET', tenantPath(tenant, '/findings?facets=true&limit=1')),
    api<{ items: TrendPoint[] }>('GET', tenantPath(tenant, '/finding-trend?limit=20')),
    api<{ items: Connection[] }>('GET', tenantPath(tenant, '/connections')),
    ruleCatalog(),
  ]);
  return { facets: open.facets!, trend: trend.items, connections: connections.items, rules };
}

export function Overview({ tenant }: { tenant: string }) {
  const overview = useResource(() => loadOverview(tenant), [tenant]);
  return (
    <>
      <h1>Overview</h1>
      <Loaded resource={overview} label="the overview">
        {({ facets, trend, connections, rules }) => {
          const byProvider = Object.entries(facets.provider).sort((a, b) => b[1] - a[1]);
          const topRules = Object.entries(facets.rule)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 10);
          const providerOf = new Map(connections.map((c) => [c.id, c.name]));
          const trendLabels = trend.map(
            (p, i) => `#${i + 1} ${providerOf.get(p.connectionId) ?? 'scan'} ${formatDate(p.createdAt)}`,
          );
          return (
            <>
              <p class="lead">
                <strong>{facets.total}</strong> open findings across <strong>{connections.length}</strong>{' '}
                connections.
              </p>
              <div class="grid two">
                <section class="card" aria-labelledby="by-severity">
                  <h2 id="by-severity">Open findings by severity</h2>
                  <ChartWithTable
                    type="bar"
                    title="Open findings by severity"
                    labelHeader="Severity"
                    labels={severities}
                    series={[
                      {
                        label: 'Open findings',
                        values: severities.map((s) => facets.severity[s] ?? 0),
                        colors: severities.map((s) => severityColors[s]!),
                      },
                    ]}
                  />
                </section>
                <section class="card" aria-labelledby="by-provider">
                  <h2 id="by-provider">Open findings by provider</h2>
                  <ChartWithTable
                    type="doughnut"
                    title="Open findings by provider"
                    labelHeader="Provider"
                    labels={byProvider.map(([p]) => p)}
                    series={[
                      {
                        label: 'Open findings',
                        values: byProvider.map(([, n]) => n),
                        colors: categoricalColors,
                      },
                    ]}
                  />
                </section>
              </div>
              <section class="card" aria-labelledby="trend">
                <h2 id="trend">Trend across scans</h2>
                {trend.length === 0 ? (
                  <p class="muted">No scans yet.</p>
                ) : (
                  <ChartWithTable
                    type="bar"
                    title="Findings opened and resolved per scan"
                    labelHeader="Scan"
                    labels={trendLabels}
                    series={[
                      {
                        label: 'Opened',
                        values: trend.map((p) => p.opened + p.reopened),
                        colors: openedColor,
                      },
                      { label: 'Resolved', values: trend.map((p) => p.resolved), colors: resolvedColor },
                    ]}
                  />
                )}
              </section>
              <div class="grid two">
                <section class="card" aria-labelledby="top-rules">
                  <h2 id="top-rules">Top failing rules</h2>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Rule</th>
                        <th scope="col">Severity</th>
                        <th scope="col">Open</th>
                      </tr>
                    </thead>
                    <tbody>
                      {topRules.map(([id, n]) => {
                        const rule = rules.get(id);
                        return (
                          <tr key={id}>
                            <td>
                              {rule?.title ?? id}
                              <br />
                              <code class="muted">{id}</code>
                            </td>
                            <td>{rule ? <SeverityBadge severity={rule.severity} /> : '—'}</td>
                            <td>{n}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </section>
                <section class="card" aria-labelledby="connections-status">
                  <h2 id="connections-status">Connections</h2>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Connection</th>
                        <th scope="col">Last scan</th>
                        <th scope="col">Finished</th>
                      </tr>
                    </thead>
                    <tbody>
                      {connections.map((c) => (
                        <tr key={c.id}>
                          <td>
                            {c.name}
                            <br />
                            <span class="muted">{c.provider}</span>
                          </td>
                          <td>{c.lastScan ? <StatusBadge status={c.lastScan.status} /> : 'never scanned'}</td>
                          <td>{formatDate(c.lastScan?.finishedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              </div>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
