import { errorText } from '../api.js';
import { decisionLabel, dueLabel, statusLabel } from '../labels.js';

export function ErrorBox({ error, children, testid = 'error' }) {
  if (!error) return null;
  return (
    <div class="msg msg-error" role="alert" data-testid={testid}>
      <span aria-hidden="true">⚠ </span>
      {typeof error === 'string' ? error : errorText(error)}
      {children}
    </div>
  );
}

export function Ok({ children, testid }) {
  return (
    <div class="msg msg-ok" role="status" data-testid={testid}>
      <span aria-hidden="true">✓ </span>
      {children}
    </div>
  );
}

export function StatusBadge({ status }) {
  return <span class={`badge badge-status status-${status}`}>{statusLabel(status)}</span>;
}

export function ExpeditedBadge({ expedited }) {
  if (!expedited) return null;
  return (
    <span class="badge badge-expedited" data-testid="badge-expedited">
      <span aria-hidden="true">⚡ </span>expedited
    </span>
  );
}

export function DueBadge({ state }) {
  if (!state) return null;
  const cls = state === 'overdue' ? 'badge-overdue' : state === 'at risk' ? 'badge-atrisk' : 'badge-ontrack';
  const icon = state === 'overdue' ? '‼ ' : state === 'at risk' ? '⚠ ' : '● ';
  return (
    <span class={`badge ${cls}`} data-testid="badge-due">
      <span aria-hidden="true">{icon}</span>
      {state}
    </span>
  );
}

/** '2026-11-24T17:00' → '2026-11-24 17:00' (the server's local times are shown as given). */
export function when(ts) {
  if (!ts) return '—';
  return String(ts).replace('T', ' ').replace(/(\d\d:\d\d):\d\d(\.\d+)?(Z)?$/, '$1');
}

/** The open-case table shared by the reviewer queue, intake and the admin dashboard. */
export function CaseTable({ cases, showReviewer = false, actions, testid = 'case-table', caption }) {
  if (!cases || cases.length === 0) return <p class="empty" data-testid={`${testid}-empty`}>No open cases.</p>;
  return (
    <table class="grid" data-testid={testid}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Requests</th>
          <th scope="col">Status</th>
          {showReviewer && <th scope="col">Reviewer</th>}
          <th scope="col">Due</th>
          <th scope="col">Flags</th>
          {actions && <th scope="col"><span class="sr-only">Actions</span></th>}
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.case_id} data-testid={`case-row-${c.case_id}`} class={c.due_state === 'overdue' ? 'row-overdue' : c.due_state === 'at risk' ? 'row-atrisk' : ''}>
            <th scope="row">
              <a href={`#/case/${c.case_id}`} data-testid={`case-link-${c.case_id}`}>{c.case_id}</a>
            </th>
            <td>
              {(c.requests || []).length ? (
                <ul class="plain">{c.requests.map((r) => <li>{r}</li>)}</ul>
              ) : (
                '—'
              )}
            </td>
            <td><StatusBadge status={c.status} /></td>
            {showReviewer && <td>{c.reviewer_id || '—'}</td>}
            <td class="nowrap">
              <div>{when(c.due)}</div>
              {c.due_what && <div class="muted small">{dueLabel(c.due_what)}</div>}
            </td>
            <td>
              <div class="badges">
                <ExpeditedBadge expedited={c.expedited} />
                {!c.no_reviewer_fits && <DueBadge state={c.due_state} />}
                {c.no_reviewer_fits && (
                  <span class="badge badge-overdue" data-testid="badge-no-reviewer">
                    no reviewer fits
                  </span>
                )}
                {c.assigned_by_hand && <span class="badge badge-status">assigned by hand</span>}
              </div>
            </td>
            {actions && <td>{actions(c)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Sort open cases by due date (no due date last). */
export function byDue(a, b) {
  const da = a.due || '9999', db = b.due || '9999';
  return da < db ? -1 : da > db ? 1 : a.case_id < b.case_id ? -1 : 1;
}

/** A decision in words with its arrow (▲ upheld, ▼ overturned). */
export function DecisionWord({ decision }) {
  if (!decision) return <span class="decision decision-none">no decision</span>;
  return (
    <span class={`decision decision-${decision}`}>
      <span aria-hidden="true">{decision === 'upheld' ? '▲ ' : '▼ '}</span>
      {decisionLabel(decision)}
    </span>
  );
}
