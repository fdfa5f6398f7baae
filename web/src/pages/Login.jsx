import { useState, useRef, useEffect } from 'preact/hooks';
import { post, errorText } from '../api.js';

export function Login({ onLogin, notice }) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const userRef = useRef(null);
  useEffect(() => userRef.current?.focus(), []);

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await post('/api/login', { user, password }, { quiet401: true });
      setPassword('');
      onLogin(s);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login-page" id="main">
      <form class="login card" onSubmit={submit} aria-labelledby="login-title" data-testid="login-form">
        <h1 id="login-title">IMR reviewer workbench</h1>
        <p class="muted">Sign in with the user id and password your administrator gave you.</p>
        {notice && !error && <p class="msg msg-info" role="status">{notice}</p>}
        {error && (
          <p class={`msg msg-error${error.status === 429 ? ' msg-ratelimit' : ''}`} role="alert" data-testid="login-error">
            <span aria-hidden="true">⚠ </span>
            {errorText(error)}
          </p>
        )}
        <label for="login-user">User id</label>
        <input id="login-user" name="user" ref={userRef} autocomplete="username" value={user} required
          onInput={(e) => setUser(e.currentTarget.value)} data-testid="login-user" />
        <label for="login-password">Password</label>
        <input id="login-password" name="password" type="password" autocomplete="current-password" value={password} required
          onInput={(e) => setPassword(e.currentTarget.value)} data-testid="login-password" />
        <button type="submit" class="primary" disabled={busy} data-testid="login-submit">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
