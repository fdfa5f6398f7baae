// The case header: who the claimant is, the injury, the diagnoses, the requesting physician, the
// utilization review being disputed, and where the case stands (status, deadline, reviewer).
import { DueBadge, ExpeditedBadge, StatusBadge, when } from '../components/common.jsx';
import { dueLabel, sexLabel, urActionLabel } from '../labels.js';

function Deadlines({ deadlines }) {
  if (!deadlines || deadlines.length === 0) return null;
  const open = deadlines.filter((d) => !d.met_at && d.state !== 'ended');
  return (
    <details class="deadlines" data-testid="deadlines">
      <summary>
        Deadlines ({deadlines.length}
        {open.length ? `, ${open.length} open` : ''})
      </summary>
      <table class="grid compact">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Due</th>
            <th scope="col">State</th>
            <th scope="col">Met</th>
            <th scope="col">Rule</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((d) => (
            <tr>
              <td>{dueLabel(d.what)}</td>
              <td class="nowrap">{when(d.due)}</td>
              <td>{d.state === 'overdue' || d.state === 'at risk' ? <DueBadge state={d.state} /> : d.state || '—'}</td>
              <td class="nowrap">{d.met_at ? when(d.met_at) : '—'}</td>
              <td class="small">{d.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function CaseHeader({ view, onReload }) {
  const p = view.particulars || {};
  const who = [p.age != null ? `${p.age} years` : null, sexLabel(p.sex) || null].filter(Boolean).join(', ');
  return (
    <div class="case-head" data-testid="case-header">
      <div class="case-title-row">
        <h1 id="case-title" data-testid="case-id">{view.case_id}</h1>
        <div class="badges">
          <StatusBadge status={view.status} />
          <ExpeditedBadge expedited={view.expedited} />
        </div>
        <dl class="facts-inline">
          <div>
            <dt>Due</dt>
            <dd data-testid="case-due">
              {view.due ? `${when(view.due)} — ${dueLabel(view.due_what)}` : 'nothing pending'}
            </dd>
          </div>
          <div>
            <dt>Reviewer</dt>
            <dd>{view.reviewer_id || '—'}</dd>
          </div>
        </dl>
        <button type="button" onClick={onReload} data-testid="case-reload" class="small-button">Reload</button>
      </div>
      <dl class="particulars" data-testid="particulars">
        <div>
          <dt>Claimant</dt>
          <dd data-testid="claimant">
            {p.claimant || '—'}
            {who && <span class="muted"> ({who})</span>}
          </dd>
        </div>
        <div>
          <dt>Injured</dt>
          <dd data-testid="date-of-injury">{p.date_of_injury || 'not stated'}</dd>
        </div>
        <div>
          <dt>Diagnoses</dt>
          <dd data-testid="diagnoses">{(p.diagnoses || []).length ? p.diagnoses.join('; ') : 'none found in the records yet'}</dd>
        </div>
        <div>
          <dt>Requesting physician</dt>
          <dd data-testid="requesting-physician">
            {p.requesting_physician || '—'}
            {p.physician_specialty && <span class="muted"> ({p.physician_specialty})</span>}
          </dd>
        </div>
        <div class="wide">
          <dt>Utilization review</dt>
          <dd data-testid="ur">
            {p.ur_date || 'undated'}
            {(p.ur_actions || []).length > 0 && ': '}
            {(p.ur_actions || []).map((a, i) => (
              <span>
                {i > 0 && '; '}
                {a.request} — {urActionLabel(a.action).toLowerCase()}
                {a.certified ? ` (certified ${a.certified})` : ''}
              </span>
            ))}
          </dd>
        </div>
      </dl>
      <Deadlines deadlines={view.deadlines} />
    </div>
  );
}
