/**
 * One finding in a side panel: evidence, what to do (remediation, references, framework controls
 * from the rule catalog), its event history, and mute (reason, optional expiry) or unmute.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf, tenantPath } from '../api/client.tsx';
import type { Finding, FindingEvent, Rule } from '../api/types.tsx';
import { formatDate, SeverityBadge, StatusBadge } from '../components/badges.tsx';
import { ErrorNote, Loaded } from '../components/status.tsx';
import { useResource } from '../components/use-resource.tsx';

type Detail = Finding & { events: FindingEvent[] };

/** Asset URLs come from vendor data: only web links become links. */
const isWebLink = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

function MuteForm({ onMute }: { onMute: (reason: string, until: string | null) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return (
    <form
      class="mute"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          await onMute(reason.trim(), until || null);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3>Mute</h3>
      <label for="mute-reason">Reason</label>
      <textarea
        id="mute-reason"
        required
        maxLength={1000}
        value={reason}
        onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
      />
      <label for="mute-until">Muted until (optional)</label>
      <input
        id="mute-until"
        type="date"
        min={tomorrow}
        value={until}
        onInput={(e) => setUntil((e.target as HTMLInputElement).value)}
      />
      <button type="submit" disabled={busy || reason.trim() === ''}>
        Mute finding
      </button>
    </form>
  );
}

export function FindingDrawer({
  tenant,
  findingId,
  rule,
  canWrite,
  onChange,
  onClose,
}: {
  tenant: string;
  findingId: string;
  rule: (id: string) => Rule | undefined;
  canWrite: boolean;
  onChange: (finding: Finding) => void;
  onClose: () => void;
}) {
  const path = tenantPath(tenant, `/findings/${findingId}`);
  const detail = useResource(() => api<Detail>('GET', path), [path]);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    const closeOnEscape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [findingId]);

  async function change(method: 'PUT' | 'DELETE', body?: unknown) {
    setError(null);
    try {
      const updated = await api<Finding>(method, `${path}/mute`, body);
      onChange(updated);
      detail.reload();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <aside class="drawer" aria-labelledby="drawer-title">
      <div class="drawer-head">
        <h2 id="drawer-title" ref={heading} tabIndex={-1}>
          {detail.data?.title ?? 'Finding'}
        </h2>
        <button type="button" class="secondary" onClick={onClose}>
          Close<span class="visually-hidden"> finding details</span>
        </button>
      </div>
      <Loaded resource={detail} label="the finding">
        {(f) => {
          const r = rule(f.ruleId);
          return (
            <>
              <p>
                <SeverityBadge severity={f.severity} /> <StatusBadge status={f.status} />{' '}
                <code>{f.ruleId}</code>
              </p>
              <dl class="facts">
                <dt>Asset</dt>
                <dd>
                  {isWebLink(f.asset.url) ? (
                    <a href={f.asset.url} rel="noreferrer noopener" target="_blank">
                      {f.asset.name}
                    </a>
                  ) : (
                    f.asset.name
                  )}{' '}
                  <span class="muted">
                    ({f.provider} {f.asset.kind} {f.asset.externalId})
                  </span>
                </dd>
                <dt>First seen</dt>
                <dd>{formatDate(f.firstSeenAt)}</dd>
                <dt>Last seen</dt>
                <dd>{formatDate(f.lastSeenAt)}</dd>
                {f.mute ? (
                  <>
                    <dt>Muted</dt>
                    <dd class="mute-info">
                      {f.mute.reason} {f.mute.until ? `(until ${formatDate(f.mute.until)})` : '(no expiry)'}
                      {f.mute.by ? <span class="muted"> by {f.mute.by}</span> : null}
                    </dd>
                  </>
                ) : null}
              </dl>
              <ErrorNote message={error} />
              {canWrite ? (
                f.status === 'muted' ? (
                  <button type="button" onClick={() => change('DELETE')}>
                    Unmute finding
                  </button>
                ) : (
                  <MuteForm
                    onMute={(reason, until) => change('PUT', { reason, ...(until ? { until } : {}) })}
                  />
                )
              ) : null}
              <h3>Evidence</h3>
              <pre class="evidence">{JSON.stringify(f.evidence, null, 2)}</pre>
              {r ? (
                <>
                  <h3>Why it matters</h3>
                  <p>{r.description}</p>
                  <h3>Remediation</h3>
                  <p>{r.remediation}</p>
                  {r.references.length ? (
                    <>
                      <h3>References</h3>
                      <ul>
                        {r.references.map((ref) => (
                          <li key={ref}>
                            <a href={ref} rel="noreferrer noopener" target="_blank">
                              {ref}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {Object.keys(r.frameworks).length ? (
                    <>
                      <h3>Framework controls</h3>
                      <dl class="facts">
                        {Object.entries(r.frameworks).map(([framework, controls]) => (
                          <Fragment key={framework}>
                            <dt>{framework}</dt>
                            <dd>{controls.join(', ')}</dd>
                          </Fragment>
                        ))}
                      </dl>
                    </>
                  ) : null}
                </>
              ) : null}
              <h3>History</h3>
              <table class="compact events">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">By</th>
                  </tr>
                </thead>
                <tbody>
                  {f.events.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDate(e.at)}</td>
                      <td>{e.type}</td>
                      <td>
                        {e.fromStatus ?? '—'} → {e.toStatus}
                      </td>
                      <td>{e.actor ?? (e.scanId ? 'scan' : '—')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </Loaded>
    </aside>
  );
}
