// Precedents beside a drafted item: how often reviewers overturned this kind of request (same
// category and body region in the published letters) with the counts and the 95% interval, and
// the nearest past decisions, each opening its letter. They inform the reviewer; nothing here
// changes the engine's draft or the decision.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { DecisionWord, ErrorBox } from '../components/common.jsx';
import { LetterDialog } from '../corpus/LetterView.jsx';
import { Snippet } from '../corpus/Snippet.jsx';
import { idLabel, rateSentence } from '../corpus/format.js';

export function Precedents({ caseId, item, n }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [open, setOpen] = useState(null); // the hit whose letter is shown
  useEffect(() => {
    setData(null);
    setError(null);
    const q = new URLSearchParams({ case: caseId, item: item.id || String(n), limit: '5' });
    get(`/api/corpus/precedents?${q}`).then(setData, setError);
  }, [caseId, item.id, item.request]);

  const titleId = `precedents-title-${n}`;
  return (
    <section class="precedents" aria-labelledby={titleId} data-testid={`precedents-${n}`}>
      <h3 class="sub" id={titleId}>Precedents in published decisions</h3>
      {error && <ErrorBox error={error} testid={`precedents-error-${n}`} />}
      {!data && !error && <p class="small muted" role="status">Looking up past decisions…</p>}
      {data && (
        <>
          <p class="small" data-testid={`precedents-rate-${n}`}>
            {data.category ? (
              <>
                {idLabel(data.category)}, {idLabel(data.body_region)}: <strong>{rateSentence(data.rate)}</strong>.
              </>
            ) : (
              'The kind of request is not known: the nearest decisions by its words.'
            )}
          </p>
          {data.similar.length === 0 ? (
            <p class="small muted">No similar past decisions.</p>
          ) : (
            <ol class="precedent-list">
              {data.similar.map((h) => (
                <li data-testid="precedent">
                  <button type="button" class="link-button" onClick={() => setOpen(h)} data-testid="precedent-open"
                    aria-haspopup="dialog">
                    {h.request}
                  </button>{' '}
                  — <DecisionWord decision={h.decision} />
                  <span class="muted small">
                    {' '}
                    · {h.case_number} · {h.decision_date || 'undated'}
                    {h.specialty ? ` · ${h.specialty}` : ''}
                  </span>
                  {h.snippet && (
                    <div class="small">
                      <Snippet text={h.snippet} />
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
          <p class="small muted">Past decisions inform your review; they do not change the engine’s draft.</p>
        </>
      )}
      {open && <LetterDialog letterId={open.letter_id} item={open.position} onClose={() => setOpen(null)} />}
    </section>
  );
}
