/**
 * Connecting more: the OAuth flows (POST connect/<provider> returns the vendor's page, which the
 * browser then opens) and a key form for key-based vendors (POST connections). Typed secrets go
 * only into the POST body and are cleared from the form once sent.
 */
import { useState } from 'preact/hooks';
import { api, messageOf, tenantPath } from '../api/client.tsx';
import type { StartedConnect } from '../api/types.tsx';
import { ErrorNote } from '../components/status.tsx';
import { keyVendors } from './key-vendors.tsx';

function OAuthConnect({ tenant }: { tenant: string }) {
  const [adminEmail, setAdminEmail] = useState('');
  const [org, setOrg] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function start(provider: 'google' | 'microsoft' | 'github', body: Record<string, string>) {
    setError(null);
    try {
      const started = await api<StartedConnect>('POST', tenantPath(tenant, `/connect/${provider}`), body);
      window.location.assign(started.authorizationUrl);
    } catch (failure) {
      setError(`Could not start connecting ${provider}: ${messageOf(failure)}`);
    }
  }

  const submit =
    (provider: 'google' | 'microsoft' | 'github', body: Record<string, string>) => (e: Event) => {
      e.preventDefault();
      start(provider, body);
    };

  return (
    <>
      <h3>With the vendor's consent page</h3>
      <ErrorNote message={error} />
      <form class="connect-row" onSubmit={submit('google', { adminEmail: adminEmail.trim() })}>
        <div class="field grow">
          <label for="google-admin">Google Workspace super admin email</label>
          <input
            id="google-admin"
            type="email"
            required
            value={adminEmail}
            onInput={(e) => setAdminEmail((e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit">Connect Google Workspace</button>
      </form>
      <form class="connect-row" onSubmit={submit('microsoft', {})}>
        <p class="grow">Microsoft 365: a global administrator consents for the tenant.</p>
        <button type="submit">Connect Microsoft 365</button>
      </form>
      <form class="connect-row" onSubmit={submit('github', { org: org.trim() })}>
        <div class="field grow">
          <label for="github-org">GitHub organization</label>
          <input
            id="github-org"
            required
            pattern="[A-Za-z0-9][A-Za-z0-9-]{0,38}"
            value={org}
            onInput={(e) => setOrg((e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit">Connect GitHub</button>
      </form>
    </>
  );
}

function KeyConnect({ tenant, onConnected }: { tenant: string; onConnected: () => void }) {
  const [provider, setProvider] = useState('openai');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const vendor = keyVendors[provider]!;

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setDone('');
    setBusy(true);
    const config: Record<string, string> = {};
    const secrets: Record<string, string> = {};
    for (const field of vendor.fields) {
      const value = (values[field.name] ?? '').trim();
      if (value) (field.secret ? secrets : config)[field.name] = value;
    }
    try {
      const created = await api<{ name: string }>('POST', tenantPath(tenant, '/connections'), {
        provider,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
        config,
        secrets,
      });
      setValues({});
      setDone(`Connected ${created.name}.`);
      onConnected();
    } catch (failure) {
      setError(`Could not connect ${vendor.label}: ${messageOf(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} autocomplete="off">
      <h3>With an API key</h3>
      <div class="field">
        <label for="key-provider">Vendor</label>
        <select
          id="key-provider"
          value={provider}
          onChange={(e) => {
            setProvider((e.target as HTMLSelectElement).value);
            setValues({});
          }}
        >
          {Object.entries(keyVendors).map(([id, v]) => (
            <option key={id} value={id}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="key-name">Connection name (optional)</label>
        <input id="key-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      </div>
      {vendor.fields.map((field) => {
        const id = `key-${provider}-${field.name}`;
        const onInput = (e: Event) =>
          setValues((v) => ({ ...v, [field.name]: (e.target as HTMLInputElement).value }));
        return (
          <div class="field" key={id}>
            <label for={id}>{field.label}</label>
            {field.multiline ? (
              <textarea
                id={id}
                required={field.required}
                spellcheck={false}
                value={values[field.name] ?? ''}
                onInput={onInput}
              />
            ) : field.secret ? (
              <input
                id={id}
                type="password"
                autocomplete="new-password"
                required={field.required}
                value={values[field.name] ?? ''}
                onInput={onInput}
              />
            ) : (
              <input
                id={id}
                type="text"
                autocomplete="off"
                required={field.required}
                value={values[field.name] ?? ''}
                onInput={onInput}
              />
            )}
          </div>
        );
      })}
      <div class="field">
        <label for="key-base-url">Base URL (optional: proxies, GitHub Enterprise)</label>
        <input
          id="key-base-url"
          type="url"
          value={baseUrl}
          onInput={(e) => setBaseUrl((e.target as HTMLInputElement).value)}
        />
      </div>
      <ErrorNote message={error} />
      <p role="status" class="muted">
        {done}
      </p>
      <button type="submit" disabled={busy}>
        {busy ? 'Checking the key…' : `Connect ${vendor.label}`}
      </button>
    </form>
  );
}

export function ConnectPanel({
  tenant,
  canWrite,
  onConnected,
}: {
  tenant: string;
  canWrite: boolean;
  onConnected: () => void;
}) {
  return (
    <section class="card" aria-labelledby="connect-heading">
      <h2 id="connect-heading">Connect a vendor</h2>
      {canWrite ? (
        <>
          <OAuthConnect tenant={tenant} />
          <KeyConnect tenant={tenant} onConnected={onConnected} />
        </>
      ) : (
        <p class="muted">This token cannot add connections (it lacks connections:write).</p>
      )}
    </section>
  );
}
