import { render } from 'preact';
import { useEffect, useState, useCallback } from 'preact/hooks';
import { get, post, setCsrfToken, setUnauthenticatedHandler, errorText } from './api.js';
import { Login } from './pages/Login.jsx';
import { Queue } from './pages/Queue.jsx';
import { CaseView } from './pages/CaseView.jsx';
import { Intake } from './pages/Intake.jsx';
import { Admin } from './pages/Admin.jsx';
import { Corpus } from './pages/Corpus.jsx';
import { LetterPage } from './corpus/LetterView.jsx';
import { roleLabel } from './labels.js';
import './style.css';

/** Current hash route as path segments: '#/case/CM26-0000001' → ['case', 'CM26-0000001']. */
function parseHash() {
  const h = decodeURIComponent(window.location.hash.replace(/^#\/?/, ''));
  return h ? h.split('/').filter(Boolean) : [];
}

function homeFor(user) {
  if (!user) return '#/login';
  if (user.role === 'reviewer') return '#/queue';
  if (user.role === 'intake') return '#/intake';
  if (user.role === 'administrator') return '#/admin';
  return '#/queue';
}

function navLinks(user) {
  const corpus = ['#/corpus', 'Published decisions'];
  if (user.role === 'reviewer') return [['#/queue', 'My queue'], corpus];
  if (user.role === 'intake') return [['#/intake', 'Intake'], ['#/queue', 'Open cases'], corpus];
  return [['#/admin', 'Administration'], ['#/intake', 'Intake'], ['#/queue', 'Open cases'], corpus];
}

function Header({ user, route, onLogout }) {
  const here = '#/' + route.join('/');
  return (
    <header class="app-header">
      <a class="brand" href={homeFor(user)}>IMR workbench</a>
      <nav aria-label="Main">
        {navLinks(user).map(([href, label]) => (
          <a href={href} class="nav-link" aria-current={here.startsWith(href) ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <div class="who" data-testid="who">
        <span>
          Signed in as <strong data-testid="user-id">{user.id}</strong>{' '}
          <span class="role" data-testid="user-role">({roleLabel(user.role).toLowerCase()}{user.reviewer_id ? ` · ${user.reviewer_id}` : ''})</span>
        </span>
        <button type="button" onClick={onLogout} data-testid="logout">Log out</button>
      </div>
    </header>
  );
}

function App() {
  const [session, setSession] = useState(undefined); // undefined: loading; null: signed out
  const [route, setRoute] = useState(parseHash());
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const onHash = () => setRoute(parseHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const signedOut = useCallback((message) => {
    setCsrfToken(null);
    setSession(null);
    if (message) setNotice(message);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler((e) => signedOut(`${e.message} Please sign in again.`));
    get('/api/session', { quiet401: true })
      .then((s) => {
        setCsrfToken(s.csrf_token);
        setSession(s);
      })
      .catch(() => signedOut());
  }, [signedOut]);

  const onLogin = (s) => {
    setCsrfToken(s.csrf_token);
    setNotice('');
    setSession(s);
    const r = parseHash();
    // Keep a deep link (e.g. #/case/…) the user came with; otherwise go to the role's home.
    if (r.length === 0 || r[0] === 'login') window.location.hash = homeFor(s.user);
  };

  const onLogout = async () => {
    try {
      await post('/api/logout', {}, { quiet401: true });
    } catch {
      /* the session may already be gone */
    }
    signedOut('You have signed out.');
    window.location.hash = '#/login';
  };

  if (session === undefined) return <p class="loading" role="status">Loading…</p>;
  if (!session) return <Login onLogin={onLogin} notice={notice} />;

  const user = session.user;
  if (route.length === 0 || route[0] === 'login') {
    window.location.hash = homeFor(user);
    return null;
  }
  let page;
  switch (route[0]) {
    case 'queue':
      page = <Queue user={user} />;
      break;
    case 'case':
      page = route[1] ? <CaseView key={route[1]} user={user} caseId={route[1]} /> : <NotFound />;
      break;
    case 'intake':
      page = <Intake user={user} />;
      break;
    case 'corpus':
      page = route[1] === 'letter' && route[2] ? <LetterPage key={route[2]} letterId={route[2]} /> : <Corpus />;
      break;
    case 'admin':
      page = <Admin user={user} tab={route[1] || 'users'} />;
      break;
    default:
      page = <NotFound />;
  }
  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Header user={user} route={route} onLogout={onLogout} />
      <main id="main" tabIndex={-1}>{page}</main>
    </div>
  );
}

function NotFound() {
  return (
    <section class="page">
      <h1>Page not found</h1>
      <p>
        <a href="#/">Go to your start page</a>
      </p>
    </section>
  );
}

render(<App />, document.getElementById('app'));
