import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { CaseTable, ErrorBox, byDue } from '../components/common.jsx';

export function Queue({ user }) {
  const [cases, setCases] = useState(null);
  const [error, setError] = useState(null);
  const load = () => {
    setError(null);
    get('/api/cases?limit=500')
      .then((d) => setCases([...(d.cases || [])].sort(byDue)))
      .catch(setError);
  };
  useEffect(load, []);
  const mine = user.role === 'reviewer';
  return (
    <section class="page" aria-labelledby="queue-title">
      <div class="page-head">
        <h1 id="queue-title">{mine ? `My queue (${user.reviewer_id || user.id})` : 'Open cases'}</h1>
        <button type="button" onClick={load} data-testid="queue-reload">Reload</button>
      </div>
      <ErrorBox error={error} />
      {cases === null && !error && <p role="status">Loading cases…</p>}
      {cases && (
        <>
          <p class="muted" data-testid="queue-count">
            {cases.length} open case{cases.length === 1 ? '' : 's'}, soonest due first.
          </p>
          <CaseTable cases={cases} showReviewer={!mine} testid="queue-table" />
        </>
      )}
    </section>
  );
}
