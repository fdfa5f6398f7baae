import { useEffect, useState } from 'preact/hooks';
import { get, post, put, request } from '../api.js';
import { CaseTable, ErrorBox, Ok, byDue, when } from '../components/common.jsx';
import { statusLabel } from '../labels.js';
import { ChartBox, PALETTE } from '../components/BarChart.jsx';
import { DataTable } from '../components/DataTable.jsx';

const TABS = [
  ['users', 'Users'],
  ['reviewers', 'Reviewers'],
  ['deadlines', 'Deadlines'],
  ['stats', 'Statistics'],
];

function useLoad(path) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const load = () => {
    setError(null);
    return get(path).then(setData, setError);
  };
  useEffect(() => {
    load();
  }, [path]);
  return [data, error, load];
}

function AddUser({ reviewers, onAdded }) {
  const [id, setId] = useState('');
  const [role, setRole] = useState('reviewer');
  const [reviewerId, setReviewerId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [created, setCreated] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    setCreated(null);
    setBusy(true);
    try {
      const body = { id: id.trim(), role, reviewer_id: role === 'reviewer' ? reviewerId.trim() : '' };
      if (password) body.password = password;
      const u = await post('/api/users', body);
      setCreated(u);
      setId('');
      setPassword('');
      setReviewerId('');
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={submit} aria-labelledby="add-user-title" data-testid="add-user-form">
      <h2 id="add-user-title">Add a user</h2>
      <div class="form-row">
        <div>
          <label for="new-user-id">User id</label>
          <input id="new-user-id" value={id} required onInput={(e) => setId(e.currentTarget.value)} data-testid="new-user-id" />
        </div>
        <div>
          <label for="new-user-role">Role</label>
          <select id="new-user-role" value={role} onChange={(e) => setRole(e.currentTarget.value)} data-testid="new-user-role">
            <option value="reviewer">reviewer</option>
            <option value="intake">intake</option>
            <option value="administrator">administrator</option>
          </select>
        </div>
        {role === 'reviewer' && (
          <div>
            <label for="new-user-reviewer">Registry id</label>
            <input id="new-user-reviewer" list="reviewer-ids" value={reviewerId} required
              onInput={(e) => setReviewerId(e.currentTarget.value)} data-testid="new-user-reviewer" placeholder="REV-101" />
            <datalist id="reviewer-ids">
              {(reviewers || []).map((r) => (
                <option value={r.id}>{r.name}</option>
              ))}
            </datalist>
          </div>
        )}
        <div>
          <label for="new-user-password">Password <span class="muted">(blank: generate one)</span></label>
          <input id="new-user-password" type="password" autocomplete="new-password" value={password}
            onInput={(e) => setPassword(e.currentTarget.value)} data-testid="new-user-password" />
        </div>
      </div>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy} data-testid="add-user">
          {busy ? 'Adding…' : 'Add user'}
        </button>
      </div>
      <ErrorBox error={error} testid="add-user-error" />
      {created && (
        <Ok testid="user-created">
          User <strong>{created.id}</strong> ({created.role}) added.
          {created.password && (
            <span>
              {' '}
              Generated password, shown only this once: <code class="secret" data-testid="generated-password">{created.password}</code>
            </span>
          )}
        </Ok>
      )}
    </form>
  );
}

function Users() {
  const [data, error, load] = useLoad('/api/users');
  const [reviewers] = useLoad('/api/reviewers');
  const [toggleError, setToggleError] = useState(null);
  // Deactivating ends the user's sessions at once; the server refuses deactivating oneself.
  const setActive = async (u, active) => {
    setToggleError(null);
    try {
      await put(`/api/users/${encodeURIComponent(u.id)}/active`, { active });
      load();
    } catch (e) {
      setToggleError(e);
    }
  };
  return (
    <>
      <AddUser reviewers={reviewers?.reviewers} onAdded={load} />
      <ErrorBox error={error || toggleError} />
      {data && (
        <table class="grid" data-testid="users-table">
          <caption>Users ({data.users.length})</caption>
          <thead>
            <tr>
              <th scope="col">User id</th>
              <th scope="col">Role</th>
              <th scope="col">Registry id</th>
              <th scope="col">Active</th>
              <th scope="col">Created</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr>
                <th scope="row">{u.id}</th>
                <td>{u.role}</td>
                <td>{u.reviewer_id || '—'}</td>
                <td>{u.active ? 'yes' : 'no'}</td>
                <td class="nowrap">{when(u.created_at)}</td>
                <td>
                  <button type="button" data-testid={`user-active-${u.id}`} onClick={() => setActive(u, !u.active)}>
                    {u.active ? 'Deactivate' : 'Reactivate'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function ImportReviewers({ onImported }) {
  const [text, setText] = useState('');
  const [error, setError] = useState(null);
  const [ok, setOk] = useState('');
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    setOk('');
    try {
      JSON.parse(text);
    } catch (err) {
      return setError(`Not valid JSON: ${err.message}`);
    }
    try {
      const r = await request('POST', '/api/reviewers', text);
      setOk(`Imported ${r.imported} reviewer(s).`);
      setText('');
      onImported();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details class="card">
      <summary>Import a reviewer registry (JSON)</summary>
      <form onSubmit={submit}>
        <label for="registry-file">Registry file</label>
        <input id="registry-file" type="file" accept=".json,application/json"
          onChange={async (e) => e.currentTarget.files?.[0] && setText(await e.currentTarget.files[0].text())} />
        <label for="registry-json">Registry JSON</label>
        <textarea id="registry-json" rows={5} class="mono" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" disabled={!text.trim()}>Import</button>
        <ErrorBox error={error} />
        {ok && <Ok>{ok}</Ok>}
      </form>
    </details>
  );
}

function Reviewers() {
  const [data, error, load] = useLoad('/api/reviewers');
  const list = (a) => (a && a.length ? a.join(', ') : '—');
  return (
    <>
      <ErrorBox error={error} />
      {data && (
        <table class="grid" data-testid="reviewers-table">
          <caption>Reviewer registry ({data.reviewers.length})</caption>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Name</th>
              <th scope="col">Licensed in</th>
              <th scope="col">Specialties</th>
              <th scope="col">Board certifications</th>
              <th scope="col">Years</th>
              <th scope="col">Hours/week</th>
              <th scope="col">Affiliations</th>
            </tr>
          </thead>
          <tbody>
            {data.reviewers.map((r) => (
              <tr>
                <th scope="row">{r.id}</th>
                <td>{r.name}</td>
                <td>{list(r.licensure_states)}</td>
                <td>
                  {list(r.specialties)}
                  {r.subspecialties?.length ? <div class="small muted">{list(r.subspecialties)}</div> : null}
                </td>
                <td class="small">{list(r.board_certifications)}</td>
                <td>{r.years_in_practice ?? '—'}</td>
                <td>{r.hours_per_week ?? '—'}</td>
                <td class="small">{(r.affiliations || []).map((a) => `${a.name} (${a.kind})`).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ImportReviewers onImported={load} />
    </>
  );
}

function Deadlines() {
  const [data, error, load] = useLoad('/api/dashboard');
  const counts = data?.counts || {};
  return (
    <>
      <div class="page-head">
        <div class="counts" data-testid="deadline-counts">
          <div class="count count-overdue">
            <span class="count-n" data-testid="count-overdue">{counts.overdue ?? 0}</span>
            <span><span aria-hidden="true">‼ </span>overdue</span>
          </div>
          <div class="count count-atrisk">
            <span class="count-n" data-testid="count-at-risk">{counts['at risk'] ?? 0}</span>
            <span><span aria-hidden="true">⚠ </span>at risk</span>
          </div>
          <div class="count count-ontrack">
            <span class="count-n" data-testid="count-on-track">{counts['on track'] ?? 0}</span>
            <span><span aria-hidden="true">● </span>on track</span>
          </div>
          <div class="count count-overdue">
            <span class="count-n" data-testid="count-no-reviewer">{counts['no reviewer fits'] ?? 0}</span>
            <span>no reviewer fits (assign by hand)</span>
          </div>
        </div>
        <button type="button" onClick={load}>Reload</button>
      </div>
      <ErrorBox error={error} />
      {data && <CaseTable cases={[...(data.cases || [])].sort(byDue)} showReviewer testid="dashboard-table" caption="Every open case, soonest due first" />}
    </>
  );
}

const pct = (x) => `${Math.round(x * 100)}%`;

const days = (x) => (x == null ? '—' : `${Math.round(x * 10) / 10} d`);

/** The statistics period: from / to dates (either may be blank). */
function Period({ period, onApply }) {
  const [from, setFrom] = useState(period.from || '');
  const [to, setTo] = useState(period.to || '');
  return (
    <form class="period" data-testid="stats-period"
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ from, to });
      }}>
      <label for="stats-from">From</label>
      <input id="stats-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} data-testid="stats-from" />
      <label for="stats-to">To</label>
      <input id="stats-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} data-testid="stats-to" />
      <button type="submit" data-testid="stats-apply">Show</button>
      <button type="button" onClick={() => { setFrom(''); setTo(''); onApply({ from: '', to: '' }); }}>All time</button>
    </form>
  );
}

function Stats() {
  const [period, setPeriod] = useState({ from: '', to: '' });
  const query = new URLSearchParams(Object.entries(period).filter(([, v]) => v)).toString();
  const [data, error, load] = useLoad(`/api/stats${query ? `?${query}` : ''}`);
  const csv = (table) => `/api/stats/export?table=${table}${query ? `&${query}` : ''}`;
  const head = (
    <div class="page-head">
      <Period period={period} onApply={setPeriod} />
      <button type="button" onClick={load}>Reload</button>
    </div>
  );
  if (error) return <>{head}<ErrorBox error={error} /></>;
  if (!data) return <>{head}<p role="status">Loading statistics…</p></>;
  const byStatus = Object.entries(data.cases_by_status || {});
  // Topics the engine drafted under; items no rule pack covers are counted apart, not as a topic.
  const topics = Object.entries(data.items_by_topic || {})
    .filter(([code]) => code !== 'no_rule' && code !== 'undrafted')
    .map(([code, v]) => [v.label || code, v])
    .sort((a, b) => a[0].localeCompare(b[0]));
  const noRule = data.items_by_topic?.no_rule;
  const dec = data.decisions || {};
  const changedShare = topics.map(([t, v]) => [t, v.decided ? (v.changed_from_draft || 0) / v.decided : 0, v]);
  const reviewers = Object.entries(data.reviewers || {}).sort((a, b) => a[0].localeCompare(b[0]));
  const turn = data.turnaround || {};
  const turnRows = [['Regular', turn.regular], ['Expedited', turn.expedited]].filter(([, t]) => t);
  return (
    <>
      {head}
      <p data-testid="signed-cases">
        Signed cases: <strong>{data.signed_cases ?? 0}</strong> · open: {data.open_cases ?? 0}
        {data.no_reviewer_fits ? ` · no reviewer fits: ${data.no_reviewer_fits}` : ''}
        {noRule ? ` · items no rule pack covers: ${noRule.items}` : ''}
        {data.items_not_drafted ? ` · items not yet drafted: ${data.items_not_drafted}` : ''}
      </p>
      <section aria-labelledby="per-reviewer-title" class="card">
        <div class="page-head">
          <h2 class="sub" id="per-reviewer-title">Per reviewer</h2>
          <a href={csv('reviewers')} download data-testid="csv-reviewers">CSV</a>
        </div>
        {reviewers.length === 0 ? (
          <p class="muted" data-testid="table-reviewers-empty">No signatures in this period.</p>
        ) : (
          <DataTable caption="Per reviewer" testid="table-reviewers"
            columns={['Reviewer', 'Cases signed', 'Median minutes on case', 'Drafts accepted unchanged', 'Signed with no evidence opened', 'On time', 'Late', 'Median turnaround']}
            rows={reviewers.map(([id, r]) => [
              id,
              r.signed_cases,
              r.median_active_minutes ?? '—',
              `${r.accepted_unchanged} (${pct(r.accepted_unchanged_share || 0)})`,
              r.no_evidence_opened,
              r.on_time,
              r.late,
              days(r.median_turnaround_days),
            ])} />
        )}
      </section>
      <section aria-labelledby="turnaround-title" class="card">
        <div class="page-head">
          <h2 class="sub" id="turnaround-title">Turnaround against the deadlines</h2>
          <a href={csv('signatures')} download data-testid="csv-signatures">CSV of every signature</a>
        </div>
        <DataTable caption="Turnaround" testid="table-turnaround"
          columns={['Review', 'Signed', 'On time', 'Late', 'Median days', 'Days allowed']}
          rows={turnRows.map(([k, t]) => [k, t.signed_cases, t.on_time, t.late, days(t.median_days), t.allowed_days ?? '—'])} />
      </section>
      <div class="chart-grid">
        <ChartBox id="status" title="Cases by status" labels={byStatus.map(([s]) => statusLabel(s))}
          datasets={[{ label: 'cases', data: byStatus.map(([, n]) => n), backgroundColor: PALETTE[0] }]}>
          <DataTable caption="Cases by status" columns={['Status', 'Cases']} testid="table-status"
            rows={byStatus.map(([s, n]) => [statusLabel(s), n])} />
        </ChartBox>
        <ChartBox id="topics" title="Items by guideline topic" labels={topics.map(([t]) => t)}
          datasets={[
            { label: 'upheld', data: topics.map(([, v]) => v.upheld || 0), backgroundColor: PALETTE[0] },
            { label: 'overturned', data: topics.map(([, v]) => v.overturned || 0), backgroundColor: PALETTE[1] },
            { label: 'undecided', data: topics.map(([, v]) => Math.max(0, (v.items || 0) - (v.upheld || 0) - (v.overturned || 0))), backgroundColor: '#BBBBBB' },
          ]}
          options={{ scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }}>
          <DataTable caption="Items by topic" columns={['Topic', 'Items', 'Upheld', 'Overturned', 'Decided']} testid="table-topics"
            rows={topics.map(([t, v]) => [t, v.items || 0, v.upheld || 0, v.overturned || 0, v.decided || 0])} />
          <a href={csv('topics')} download class="small" data-testid="csv-topics">CSV</a>
        </ChartBox>
        <ChartBox id="decisions" type="doughnut" title="Upheld vs overturned (decided items)"
          labels={dec.upheld || dec.overturned ? ['upheld', 'overturned'] : []}
          datasets={[{ label: 'items', data: [dec.upheld || 0, dec.overturned || 0], backgroundColor: [PALETTE[0], PALETTE[1]] }]}>
          <DataTable caption="Upheld vs overturned" columns={['Decision', 'Items']} testid="table-decisions"
            rows={[['Upheld', dec.upheld || 0], ['Overturned', dec.overturned || 0]]} />
        </ChartBox>
        <ChartBox id="changed" title="Share of decided items where the reviewer changed the engine’s draft, by topic"
          labels={changedShare.map(([t]) => t)}
          datasets={[{ label: '% changed', data: changedShare.map(([, sh]) => Math.round(sh * 1000) / 10), backgroundColor: PALETTE[5] }]}
          options={{ scales: { y: { beginAtZero: true, max: 100, ticks: { callback: (v) => `${v}%` } } } }}>
          <DataTable caption="Changed from draft by topic" columns={['Topic', 'Changed', 'Decided', 'Share']} testid="table-changed"
            rows={changedShare.map(([t, sh, v]) => [t, v.changed_from_draft || 0, v.decided || 0, v.decided ? pct(sh) : '—'])} />
        </ChartBox>
      </div>
    </>
  );
}

export function Admin({ tab }) {
  const current = TABS.some(([t]) => t === tab) ? tab : 'users';
  return (
    <section class="page" aria-labelledby="admin-title">
      <h1 id="admin-title">Administration</h1>
      <nav class="tabs" aria-label="Administration sections">
        {TABS.map(([t, label]) => (
          <a href={`#/admin/${t}`} class="tab" aria-current={t === current ? 'page' : undefined} data-testid={`tab-${t}`}>
            {label}
          </a>
        ))}
      </nav>
      <div class="tab-body">
        {current === 'users' && <Users />}
        {current === 'reviewers' && <Reviewers />}
        {current === 'deadlines' && <Deadlines />}
        {current === 'stats' && <Stats />}
      </div>
    </section>
  );
}
