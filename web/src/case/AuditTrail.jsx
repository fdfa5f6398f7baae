// The case's audit trail, read on demand (reading it is itself audited): when, who, what, and
// the details the service recorded (for a signature: the time on the case, the evidence opened,
// what changed from the draft).
import { useState } from 'preact/hooks';
import { casePath, get } from '../api.js';
import { ErrorBox, when } from '../components/common.jsx';
import { auditActionLabel, words } from '../labels.js';

function detailText(detail) {
  if (detail == null || detail === '') return '';
  if (typeof detail !== 'object') return String(detail);
  return Object.entries(detail)
    .filter(([, v]) => v !== '' && v != null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${words(k).toLowerCase()}: ${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(' · ');
}

export function AuditTrail({ caseId }) {
  const [rows, setRows] = useState(null);
  const [error, setError] = useState(null);
  const load = () =>
    get(`${casePath(caseId)}/audit`).then(
      (d) => setRows(d.audit || []),
      (e) => setError(e),
    );
  return (
    <details class="card audit" data-testid="audit" onToggle={(e) => e.currentTarget.open && load()}>
      <summary>Audit trail</summary>
      <ErrorBox error={error} />
      {rows === null && !error && <p role="status">Loading…</p>}
      {rows && (
        <table class="grid compact" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr>
                <td class="nowrap">{when(a.at)}</td>
                <td>{a.actor}</td>
                <td data-action={a.action}>{auditActionLabel(a.action)}</td>
                <td class="small">{detailText(a.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
