// One published letter from the decision corpus: its header, the reviewer's credentials, and
// every item with its decision, rationale and citations. Shown as a page (#/corpus/letter/ID)
// and in a dialog over the Corpus page or a case (Escape closes it; focus returns where it was).
import { useEffect, useRef, useState } from 'preact/hooks';
import { get } from '../api.js';
import { DecisionWord, ErrorBox } from '../components/common.jsx';
import { idLabel } from './format.js';

function useLetter(letterId) {
  const [letter, setLetter] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    setLetter(null);
    setError(null);
    get(`/api/corpus/letters/${encodeURIComponent(letterId)}`).then(setLetter, setError);
  }, [letterId]);
  return [letter, error];
}

function Fact({ term, value }) {
  if (!value) return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The letter's body (the caller supplies the heading). */
export function LetterBody({ letter, focusItem }) {
  const h = letter.header || {};
  const r = letter.reviewer || {};
  const c = letter.corpus || {};
  return (
    <div class="corpus-letter" data-testid="corpus-letter">
      <dl class="facts-inline">
        <Fact term="Case" value={c.case_number || h.case_number} />
        <Fact term="Decided" value={h.decision_date} />
        <Fact term="Priority" value={h.priority} />
        <Fact term="Reviewer" value={(r.certifications || []).join('; ')} />
        <Fact term="Subspecialties" value={(r.subspecialties || []).join('; ')} />
        <Fact term="Licensed in" value={(r.licensure || []).join(', ')} />
        <Fact term="Date of injury" value={h.date_of_injury || letter.date_of_injury} />
      </dl>
      {c.current === false && <p class="msg msg-info small">An amended letter replaced this version.</p>}
      {(letter.diagnoses || []).length > 0 && (
        <p class="small">
          <strong>Diagnoses:</strong> {letter.diagnoses.join('; ')}
        </p>
      )}
      {letter.case_summary && (
        <details class="small">
          <summary>Case summary</summary>
          <p>{letter.case_summary}</p>
        </details>
      )}
      <ol class="corpus-letter-items">
        {(letter.items || []).map((it, i) => (
          <li class={`card${focusItem === i + 1 ? ' item-current' : ''}`} data-testid={`letter-item-${i + 1}`}>
            <h3>
              {it.request} — <DecisionWord decision={it.decision} />
            </h3>
            <p class="small muted">
              {idLabel(it.category)} · {idLabel(it.body_region)}
              {it.retrospective ? ` · retrospective${it.date_of_service ? ` (service ${it.date_of_service})` : ''}` : ''}
            </p>
            {it.modified && (
              <p class="small">
                Modified by utilization review: originally “{it.original_request}”
                {it.certified ? `; certified “${it.certified}”` : ''}.
              </p>
            )}
            <p class="corpus-rationale">{it.rationale}</p>
            {(it.reviewer_citations || []).length > 0 && (
              <>
                <h4 class="sub">The reviewer cited</h4>
                <ul class="small">
                  {it.reviewer_citations.map((ct) => (
                    <li>{ct.text || [ct.source, ct.section, ct.pages && `page(s) ${ct.pages}`].filter(Boolean).join(', ')}</li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
      <p class="small muted">Letter {c.letter_id}{c.source ? ` · from ${c.source}` : ''}</p>
    </div>
  );
}

/** The letter as a page of its own. */
export function LetterPage({ letterId }) {
  const [letter, error] = useLetter(letterId);
  return (
    <section class="page" aria-labelledby="letter-title">
      <p class="small">
        <a href="#/corpus">← Corpus</a>
      </p>
      <h1 id="letter-title">Published letter {letter?.corpus?.case_number || letterId}</h1>
      <ErrorBox error={error} />
      {!letter && !error && <p role="status">Loading the letter…</p>}
      {letter && <LetterBody letter={letter} />}
    </section>
  );
}

/** The letter over the page; Escape, the Close button or a click outside closes it. */
export function LetterDialog({ letterId, item, onClose }) {
  const [letter, error] = useLetter(letterId);
  const box = useRef(null);
  useEffect(() => {
    const previous = document.activeElement;
    box.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div class="overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="dialog letter-dialog" role="dialog" aria-modal="true" aria-labelledby="letter-dialog-title" tabIndex={-1}
        ref={box} data-testid="letter-dialog"
        onKeyDown={(e) => {
          // The page's own keys (the case view's shortcuts) stay quiet while the letter is open.
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}>
        <div class="page-head">
          <h2 id="letter-dialog-title">Published letter {letter?.corpus?.case_number || ''}</h2>
          <span>
            <a href={`#/corpus/letter/${letterId}`} class="small">Open as a page</a>{' '}
            <button type="button" onClick={onClose} data-testid="letter-dialog-close">Close</button>
          </span>
        </div>
        <ErrorBox error={error} />
        {!letter && !error && <p role="status">Loading the letter…</p>}
        {letter && <LetterBody letter={letter} focusItem={item} />}
      </div>
    </div>
  );
}
