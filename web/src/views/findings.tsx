/**
 * Findings explorer: filters mapped to GET findings' query parameters, cursor paging ("Load
 * more"), and a detail drawer. `#/findings?id=<finding id>` opens a finding directly.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf, queryString, tenantPath } from '../api/client.tsx';
import { ruleCatalog } from '../api/rules.tsx';
import { type Finding, type FindingPage, providers, severities } from '../api/types.tsx';
import { formatDate, SeverityBadge, StatusBadge } from '../components/badges.tsx';
import { ErrorNote } from '../components/status.tsx';
import { useResource } from '../components/use-resource.tsx';
import { FindingDrawer } from './finding-drawer.tsx';

interface Filters {
  status: string;
  severity: string;
  provider: string;
  rule: string;
  framework: string;
  q: string;
}

const noFilters: Filters = { status: 'open', severity: '', provider: '', rule: '', framework: '', q: '' };

function linkedFindingId(): string | null {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('id');
}

function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Findings({ tenant, can }: { tenant: string; can: (scope: string) => boolean }) {
  const rules = useResource(() => ruleCatalog(), []);
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const [items, setItems] = useState<Finding[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(linkedFindingId);

  useEffect(() => {
    const follow = () => {
      const id = linkedFindingId();
      if (id) setSelected(id);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  async function load(filters: Filters, after: string | null) {
    setLoading(true);
    setError(null);
    try {
      const page = await api<FindingPage>(
        'GET',
        tenantPath(
          tenant,
          `/findings${queryString({
            status: filters.status,
            severity: filters.severity,
            provider: filters.provider,
            rule: filters.rule,
            framework: filters.framework,
            q: filters.q.trim(),
            limit: '50',
            cursor: after ?? undefined,
            facets: after ? undefined : 'true',
          })}`,
        ),
      );
      setItems((current) => (after ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      if (page.facets) setTotal(page.facets.total);
    } catch (failure) {
      setError(`Could not load findings: ${messageOf(failure)}`);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    load(applied, null);
  }, [applied, tenant]);

  const catalog = rules.data;
  const ruleOptions: Array<[string, string]> = [
    ['', 'Any rule'],
    ...[...(catalog?.keys() ?? [])].sort().map((id): [string, string] => [id, id]),
  ];
  const frameworks = [
    ...new Set([...(catalog?.values() ?? [])].flatMap((r) => Object.keys(r.frameworks))),
  ].sort();
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <>
      <h1>Findings</h1>
      <form
        class="card filters"
        aria-label="Filter findings"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ ...draft });
        }}
      >
        <Select
          id="f-status"
          label="Status"
          value={draft.status}
          onChange={set('status')}
          options={[
            ['open', 'Open'],
            ['muted', 'Muted'],
            ['resolved', 'Resolved'],
            ['all', 'All'],
          ]}
        />
        <Select
          id="f-severity"
          label="Severity"
          value={draft.severity}
          onChange={set('severity')}
          options={[['', 'Any severity'], ...severities.map((s): [string, string] => [s, s])]}
        />
        <Select
          id="f-provider"
          label="Provider"
          value={draft.provider}
          onChange={set('provider')}
          options={[['', 'Any provider'], ...providers.map((p): [string, string] => [p, p])]}
        />
        <Select id="f-rule" label="Rule" value={draft.rule} onChange={set('rule')} options={ruleOptions} />
        <Select
          id="f-framework"
          label="Framework"
          value={draft.framework}
          onChange={set('framework')}
          options={[['', 'Any framework'], ...frameworks.map((f): [string, string] => [f, f])]}
        />
        <div class="field grow">
          <label for="f-q">Text</label>
          <input
            id="f-q"
            type="search"
            value={draft.q}
            placeholder="title, rule, asset…"
            onInput={(e) => set('q')((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="actions">
          <button type="submit">Apply filters</button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setDraft(noFilters);
              setApplied(noFilters);
            }}
          >
            Reset
          </button>
        </div>
      </form>
      <ErrorNote message={error} />
      <p role="status" aria-live="polite" class="muted">
        {loading
          ? 'Loading findings…'
          : total === null
            ? ''
            : `${total} findings match; showing ${items.length}.`}
      </p>
      <div class="scroll">
        <table class="findings">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Finding</th>
              <th scope="col">Asset</th>
              <th scope="col">Status</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <tr
                key={f.id}
                data-finding={f.id}
                data-provider={f.provider}
                class={f.id === selected ? 'selected' : undefined}
              >
                <td>
                  <SeverityBadge severity={f.severity} />
                </td>
                <td>
                  <button type="button" class="link" onClick={() => setSelected(f.id)}>
                    {f.title}
                  </button>
                  <br />
                  <code class="muted">{f.ruleId}</code>
                </td>
                <td>
                  {f.asset.name}
                  <br />
                  <span class="muted">
                    {f.provider} · {f.asset.kind}
                  </span>
                </td>
                <td>
                  <StatusBadge status={f.status} />
                </td>
                <td>{formatDate(f.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursor ? (
        <button type="button" class="secondary" disabled={loading} onClick={() => load(applied, cursor)}>
          Load more
        </button>
      ) : null}
      {selected ? (
        <FindingDrawer
          tenant={tenant}
          findingId={selected}
          rule={(id) => catalog?.get(id)}
          canWrite={can('findings:write')}
          onChange={(f) => setItems((list) => list.map((i) => (i.id === f.id ? { ...i, ...f } : i)))}
          onClose={() => setSelected(null)}
        />
      ) : null}
    </>
  );
}
