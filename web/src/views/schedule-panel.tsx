/** The tenant's cron schedule (one per tenant): set or replace it, pause or resume, remove. */
import { useState } from 'preact/hooks';
import { api, messageOf, tenantPath } from '../api/client.tsx';
import type { Schedule } from '../api/types.tsx';
import { formatDate } from '../components/badges.tsx';
import { ErrorNote, Loaded } from '../components/status.tsx';
import { useResource } from '../components/use-resource.tsx';

export function SchedulePanel({ tenant, canWrite }: { tenant: string; canWrite: boolean }) {
  const schedules = useResource(
    () => api<{ items: Schedule[] }>('GET', tenantPath(tenant, '/schedules')).then((r) => r.items),
    [tenant],
  );
  const [cron, setCron] = useState('0 3 * * *');
  const [timezone, setTimezone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [error, setError] = useState<string | null>(null);

  async function act(method: string, path: string, body?: unknown) {
    setError(null);
    try {
      await api(method, tenantPath(tenant, path), body);
      schedules.reload();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <section class="card" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Scan schedule</h2>
      <Loaded resource={schedules} label="the schedule">
        {(items) =>
          items.length === 0 ? (
            <p class="muted">No schedule: scans run only when started.</p>
          ) : (
            <ul class="plain">
              {items.map((s) => (
                <li key={s.id}>
                  <code>{s.cron}</code> ({s.timezone}) —{' '}
                  {s.enabled ? `next run ${formatDate(s.nextRunAt)}` : 'paused'}
                  {canWrite ? (
                    <span class="inline-actions">
                      <button
                        type="button"
                        class="secondary small"
                        onClick={() =>
                          act('PATCH', `/schedules/${encodeURIComponent(s.id)}`, { enabled: !s.enabled })
                        }
                      >
                        {s.enabled ? 'Pause' : 'Resume'}
                      </button>
                      <button
                        type="button"
                        class="secondary small"
                        onClick={() => act('DELETE', `/schedules/${encodeURIComponent(s.id)}`)}
                      >
                        Remove
                      </button>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <ErrorNote message={error} />
      {canWrite ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act('POST', '/schedules', { cron: cron.trim(), timezone: timezone.trim() });
          }}
        >
          <div class="field">
            <label for="cron">Cron (5 fields)</label>
            <input
              id="cron"
              value={cron}
              required
              onInput={(e) => setCron((e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="timezone">Time zone (IANA)</label>
            <input
              id="timezone"
              value={timezone}
              required
              onInput={(e) => setTimezone((e.target as HTMLInputElement).value)}
            />
          </div>
          <button type="submit">Save schedule</button>
        </form>
      ) : null}
    </section>
  );
}
