/** Login: paste an API token. It is checked against GET /v1/token and kept in sessionStorage only. */
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api/client.tsx';
import type { TokenSelf } from '../api/types.tsx';
import { ErrorNote } from '../components/status.tsx';
import { session } from '../session.tsx';

export function Login({ onLogin, notice }: { onLogin: (self: TokenSelf) => void; notice: string | null }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const value = token.trim();
    if (!/^psc_[A-Za-z0-9]+$/.test(value)) {
      setError('That is not a Periscope API token (they start with psc_).');
      return;
    }
    setBusy(true);
    session.setToken(value);
    try {
      const self = await api<TokenSelf>('GET', '/v1/token');
      setToken('');
      onLogin(self);
    } catch (failure) {
      session.clear();
      setError(`The token was not accepted: ${messageOf(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login">
      <h1>Periscope</h1>
      <p>SaaS and AI security posture. Log in with an API token.</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form onSubmit={submit} class="card">
        <label for="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          aria-describedby="token-help"
        />
        <p id="token-help" class="muted">
          Create one with <code>periscope token create</code> (or use the one <code>periscope demo</code>{' '}
          prints). It stays in this browser tab only.
        </p>
        <ErrorNote message={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
