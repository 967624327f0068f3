/** Connections and schedules: each connection's last scan per stream, run-now, the cron schedule, connecting more. */
import { useState } from 'preact/hooks';
import { api, messageOf, tenantPath } from '../api/client.tsx';
import type { Connection } from '../api/types.tsx';
import { formatDate, StatusBadge } from '../components/badges.tsx';
import { scanAndWait } from '../components/scans.tsx';
import { ErrorNote, Loaded } from '../components/status.tsx';
import { useResource } from '../components/use-resource.tsx';
import { ConnectPanel } from './connect-panel.tsx';
import { SchedulePanel } from './schedule-panel.tsx';

function ConnectionCard({
  connection,
  canScan,
  busy,
  onRun,
}: {
  connection: Connection;
  canScan: boolean;
  busy: boolean;
  onRun: () => void;
}) {
  const scan = connection.lastScan;
  const headingId = `conn-${connection.id}`;
  return (
    <section class="card connection" aria-labelledby={headingId} data-connection={connection.name}>
      <div class="card-head">
        <h3 id={headingId}>
          {connection.name} <span class="muted">({connection.provider})</span>
        </h3>
        {canScan ? (
          <button type="button" class="secondary small" disabled={busy} onClick={onRun}>
            {busy ? 'Scanning…' : 'Run now'}
            <span class="visually-hidden"> for {connection.name}</span>
          </button>
        ) : null}
      </div>
      {scan ? (
        <>
          <p>
            Last scan <StatusBadge status={scan.status} /> {formatDate(scan.finishedAt ?? scan.createdAt)}
            {scan.error ? <span class="error-text"> — {scan.error.message}</span> : null}
          </p>
          <table class="compact">
            <caption class="visually-hidden">Streams of the last scan of {connection.name}</caption>
            <thead>
              <tr>
                <th scope="col">Stream</th>
                <th scope="col">Status</th>
                <th scope="col">Assets</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(scan.streams).map(([name, stream]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>
                    <StatusBadge status={stream.status} />
                  </td>
                  <td>{stream.assets}</td>
                  <td>{stream.error?.message ?? stream.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p class="muted">Never scanned.</p>
      )}
    </section>
  );
}

export function Connections({ tenant, can }: { tenant: string; can: (scope: string) => boolean }) {
  const connections = useResource(
    () => api<{ items: Connection[] }>('GET', tenantPath(tenant, '/connections')).then((r) => r.items),
    [tenant],
  );
  const [running, setRunning] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function run(connection: Connection) {
    setError(null);
    setRunning((r) => new Set(r).add(connection.id));
    setMessage(`Scanning ${connection.name}…`);
    try {
      const [scan] = await scanAndWait(tenant, { connectionId: connection.id });
      setMessage(`Scan of ${connection.name} finished: ${scan?.status ?? 'unknown'}.`);
      connections.reload();
    } catch (failure) {
      setError(`Could not scan ${connection.name}: ${messageOf(failure)}`);
      setMessage('');
    } finally {
      setRunning((r) => {
        const next = new Set(r);
        next.delete(connection.id);
        return next;
      });
    }
  }

  return (
    <>
      <h1>Connections and schedules</h1>
      <p class="sr-status" role="status" aria-live="polite">
        {message}
      </p>
      <ErrorNote message={error} />
      <h2>Connections</h2>
      <Loaded resource={connections} label="connections">
        {(items) =>
          items.length === 0 ? (
            <p class="muted">No connections yet: connect one below.</p>
          ) : (
            <div class="grid two">
              {items.map((c) => (
                <ConnectionCard
                  key={c.id}
                  connection={c}
                  canScan={can('scans:write')}
                  busy={running.has(c.id)}
                  onRun={() => run(c)}
                />
              ))}
            </div>
          )
        }
      </Loaded>
      <div class="grid two">
        <SchedulePanel tenant={tenant} canWrite={can('scans:write')} />
        <ConnectPanel tenant={tenant} canWrite={can('connections:write')} onConnected={connections.reload} />
      </div>
    </>
  );
}
