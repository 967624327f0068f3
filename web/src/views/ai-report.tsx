/**
 * AI security report: the AI apps found in OAuth grants and installations (approval changeable
 * in place, then a rescan of the app's providers applies it), AI-vendor key hygiene, risky AI
 * features switched on, and DLP matches in files shared or uploaded to AI tools.
 */
import { useState } from 'preact/hooks';
import { api, messageOf, tenantPath } from '../api/client.tsx';
import { ruleCatalog } from '../api/rules.tsx';
import { type AiApp, type ApprovalStatus, approvalStatuses, type Finding, type Page } from '../api/types.tsx';
import { FindingTable } from '../components/finding-table.tsx';
import { scanAndWait } from '../components/scans.tsx';
import { ErrorNote, Loaded } from '../components/status.tsx';
import { useResource } from '../components/use-resource.tsx';
import { aiVendors, isDlpRule, riskyAiFeatureRules, shadowAiRules } from './ai-rules.tsx';

const findingsOf = (tenant: string, query: string) =>
  api<Page<Finding>>('GET', tenantPath(tenant, `/findings?limit=500&${query}`)).then((p) => p.items);

async function loadReport(tenant: string) {
  const rules = await ruleCatalog();
  const dlpRules = [...rules.keys()].filter(isDlpRule);
  const [apps, shadow, keys, features, dlp] = await Promise.all([
    api<{ items: AiApp[] }>('GET', tenantPath(tenant, '/ai-apps?sampleUsers=5')).then((r) => r.items),
    findingsOf(tenant, `rule=${shadowAiRules.join(',')}`),
    findingsOf(tenant, `provider=${aiVendors.join(',')}&kind=api_key`),
    findingsOf(tenant, `rule=${riskyAiFeatureRules.join(',')}`),
    findingsOf(tenant, `rule=${dlpRules.join(',')}`),
  ]);
  const shadowByApp = new Map<string, number>();
  for (const f of shadow) {
    const app = String(f.evidence.app ?? '');
    shadowByApp.set(app, (shadowByApp.get(app) ?? 0) + 1);
  }
  return { apps, shadowByApp, keys, features, dlp };
}

const approvalLabel = (s: ApprovalStatus) => s.replace('_', ' ');

function countBy(apps: AiApp[], key: (a: AiApp) => string | null) {
  const counts = new Map<string, { apps: number; users: number }>();
  for (const app of apps) {
    const name = key(app) ?? 'unknown';
    const entry = counts.get(name) ?? { apps: 0, users: 0 };
    entry.apps += 1;
    entry.users += app.users;
    counts.set(name, entry);
  }
  return [...counts].sort((a, b) => b[1].apps - a[1].apps);
}

function Breakdown({
  title,
  header,
  rows,
}: {
  title: string;
  header: string;
  rows: Array<[string, { apps: number; users: number }]>;
}) {
  return (
    <table class="compact">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{header}</th>
          <th scope="col">Apps</th>
          <th scope="col">Users</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, n]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{n.apps}</td>
            <td>{n.users}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AiReport({ tenant, can }: { tenant: string; can: (scope: string) => boolean }) {
  const report = useResource(() => loadReport(tenant), [tenant]);
  const [approvals, setApprovals] = useState<Record<string, ApprovalStatus>>({});
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);

  async function setApproval(app: AiApp, status: ApprovalStatus) {
    setError(null);
    try {
      await api('PUT', tenantPath(tenant, `/ai-apps/${encodeURIComponent(app.app)}/approval`), { status });
      setApprovals((a) => ({ ...a, [app.app]: status }));
      setChanged((c) => new Set(c).add(app.app));
      setMessage(`${app.product ?? app.app} is now ${approvalLabel(status)}. Rescan to update its findings.`);
    } catch (failure) {
      setError(`Could not change the approval of ${app.product ?? app.app}: ${messageOf(failure)}`);
    }
  }

  async function rescan(app: AiApp) {
    setError(null);
    setScanning(true);
    setMessage(`Rescanning ${app.providers.join(', ')}…`);
    try {
      for (const provider of app.providers) await scanAndWait(tenant, { provider });
      setMessage(`Rescan of ${app.providers.join(', ')} finished.`);
      setChanged((c) => {
        const next = new Set(c);
        next.delete(app.app);
        return next;
      });
      report.reload();
    } catch (failure) {
      setError(`The rescan failed: ${messageOf(failure)}`);
      setMessage('');
    } finally {
      setScanning(false);
    }
  }

  return (
    <>
      <h1>AI security report</h1>
      <p class="sr-status" role="status" aria-live="polite">
        {message}
      </p>
      <ErrorNote message={error} />
      <Loaded resource={report} label="the AI report">
        {({ apps, shadowByApp, keys, features, dlp }) => (
          <>
            <section class="card" aria-labelledby="ai-apps">
              <h2 id="ai-apps">AI apps with access to company data</h2>
              <div class="grid two">
                <Breakdown title="By vendor" header="Vendor" rows={countBy(apps, (a) => a.vendor)} />
                <Breakdown title="By category" header="Category" rows={countBy(apps, (a) => a.category)} />
              </div>
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">App</th>
                      <th scope="col">Category</th>
                      <th scope="col">Users who granted it</th>
                      <th scope="col">Highest scope risk</th>
                      <th scope="col">Shadow-AI findings</th>
                      <th scope="col">Approval</th>
                    </tr>
                  </thead>
                  <tbody>
                    {apps.map((app) => {
                      const approval = approvals[app.app] ?? app.approval;
                      const shadow = shadowByApp.get(app.app) ?? 0;
                      const name = app.product ?? app.app;
                      const selectId = `approval-${app.app.replace(/[^A-Za-z0-9_-]/g, '-')}`;
                      return (
                        <tr key={app.app} data-app={app.app}>
                          <td>
                            <strong>{name}</strong>
                            <br />
                            <span class="muted">
                              {app.vendor ?? 'unknown vendor'} · {app.providers.join(', ')}
                            </span>
                          </td>
                          <td>{app.category ?? '—'}</td>
                          <td>
                            {app.users}
                            {app.tenantWide ? ' (tenant-wide)' : ''}
                            {app.sampleUsers.length ? (
                              <span class="muted">
                                <br />
                                {app.sampleUsers.join(', ')}
                                {app.users > app.sampleUsers.length ? ', …' : ''}
                              </span>
                            ) : null}
                          </td>
                          <td>
                            {app.highestScopeRisk ? (
                              <span class={`badge sev-${app.highestScopeRisk}`}>{app.highestScopeRisk}</span>
                            ) : (
                              '—'
                            )}
                          </td>
                          <td class="shadow-count">{shadow === 0 ? 'none open' : `${shadow} open`}</td>
                          <td>
                            <label class="visually-hidden" for={selectId}>
                              Approval of {name}
                            </label>
                            <select
                              id={selectId}
                              value={approval}
                              disabled={!can('policy:write') || scanning}
                              onChange={(e) =>
                                setApproval(app, (e.target as HTMLSelectElement).value as ApprovalStatus)
                              }
                            >
                              {approvalStatuses.map((s) => (
                                <option key={s} value={s}>
                                  {approvalLabel(s)}
                                </option>
                              ))}
                            </select>
                            {changed.has(app.app) && can('scans:write') ? (
                              <button
                                type="button"
                                class="secondary small"
                                disabled={scanning}
                                onClick={() => rescan(app)}
                              >
                                Rescan {app.providers.join(', ')}
                              </button>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
            <section class="card" aria-labelledby="key-hygiene">
              <h2 id="key-hygiene">AI-vendor key hygiene</h2>
              <p class="muted">
                OpenAI, Anthropic and Gemini keys that are unused, not rotated or too broad.
              </p>
              <FindingTable
                findings={keys}
                caption="AI-vendor key findings"
                detail={{
                  header: 'Key',
                  cell: (f) => String(f.evidence.hint ?? f.evidence.keyHint ?? '—'),
                }}
              />
            </section>
            <section class="card" aria-labelledby="ai-features">
              <h2 id="ai-features">Risky AI features enabled</h2>
              <FindingTable findings={features} caption="Risky AI feature findings" />
            </section>
            <section class="card" aria-labelledby="ai-dlp">
              <h2 id="ai-dlp">Sensitive data in shared files and files uploaded to AI tools</h2>
              <FindingTable
                findings={dlp}
                caption="DLP findings"
                detail={{
                  header: 'Matched',
                  cell: (f) => (Array.isArray(f.evidence.profiles) ? f.evidence.profiles.join(', ') : '—'),
                }}
              />
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}
