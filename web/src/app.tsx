/**
 * The shell: login gate, tenant choice (an installation token picks from GET tenants; a tenant
 * token has its own), navigation between the four views.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, whenSignedOut } from './api/client.tsx';
import type { Tenant, TokenSelf } from './api/types.tsx';
import { useResource } from './components/use-resource.tsx';
import { useView, views } from './router.tsx';
import { session } from './session.tsx';
import { AiReport } from './views/ai-report.tsx';
import { Connections } from './views/connections.tsx';
import { Findings } from './views/findings.tsx';
import { Login } from './views/login.tsx';
import { Overview } from './views/overview.tsx';

export function App() {
  const [self, setSelf] = useState<TokenSelf | null>(null);
  const [checking, setChecking] = useState(session.token() !== null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    whenSignedOut(() => {
      setSelf(null);
      setNotice('Your session ended (the token was refused). Log in again.');
    });
    if (!session.token()) return;
    api<TokenSelf>('GET', '/v1/token')
      .then(setSelf)
      .catch(() => {})
      .finally(() => setChecking(false));
  }, []);

  if (checking) return <p class="muted">Checking your session…</p>;
  if (!self)
    return (
      <Login
        notice={notice}
        onLogin={(s) => {
          setNotice(null);
          setSelf(s);
        }}
      />
    );
  return (
    <Shell
      self={self}
      onLogout={() => {
        session.clear();
        setSelf(null);
      }}
    />
  );
}

function Shell({ self, onLogout }: { self: TokenSelf; onLogout: () => void }) {
  const view = useView();
  const installation = self.tenant === null;
  const tenants = useResource(
    () =>
      installation && self.scopes.includes('tenants:admin')
        ? api<{ items: Tenant[] }>('GET', '/v1/tenants').then((r) => r.items)
        : Promise.resolve(self.tenant ? [self.tenant] : []),
    [self.id],
  );
  const [tenant, setTenant] = useState<string | null>(self.tenant?.slug ?? session.tenant());
  const list = tenants.data ?? [];
  const chosen = tenant && list.some((t) => t.slug === tenant) ? tenant : (list[0]?.slug ?? null);
  const choose = (slug: string) => {
    session.setTenant(slug);
    setTenant(slug);
  };
  const can = (scope: string) => self.scopes.includes(scope);
  const label = views.find((v) => v.id === view)?.label ?? '';

  useEffect(() => {
    document.title = `${label} · Periscope`;
  }, [label]);

  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Periscope</span>
        <nav aria-label="Views">
          <ul>
            {views.map((v) => (
              <li key={v.id}>
                <a href={`#/${v.id}`} aria-current={v.id === view ? 'page' : undefined}>
                  {v.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="session">
          {installation ? (
            <>
              <label for="tenant-picker">Tenant</label>
              <select
                id="tenant-picker"
                value={chosen ?? ''}
                onChange={(e) => choose((e.target as HTMLSelectElement).value)}
              >
                {list.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.name} ({t.slug})
                  </option>
                ))}
              </select>
            </>
          ) : (
            <span>
              Tenant <strong>{self.tenant?.slug}</strong>
            </span>
          )}
          <button type="button" class="secondary" onClick={onLogout}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {!chosen ? (
          <p class="muted">
            {tenants.loading ? 'Loading tenants…' : 'No tenant is reachable with this token.'}
          </p>
        ) : view === 'overview' ? (
          <Overview tenant={chosen} key={chosen} />
        ) : view === 'ai' ? (
          <AiReport tenant={chosen} can={can} key={chosen} />
        ) : view === 'findings' ? (
          <Findings tenant={chosen} can={can} key={chosen} />
        ) : (
          <Connections tenant={chosen} can={can} key={chosen} />
        )}
      </main>
    </>
  );
}
