// One disputed item as the reviewer works on it: the utilization review, the engine's draft and
// its notes for the reviewer (never in the letter), each criterion that decided the draft with
// agree / disagree (a disagreement needs a note, which flows into the rationale), the other
// criteria, the precedents in published decisions (case/Precedents.jsx), and the reviewer's
// decision, rationale, reason and citations. No decision is pre-selected. Answers are saved
// as they are given; the decision with the item's Save.
import { useEffect, useRef, useState } from 'preact/hooks';
import { locateEvidence } from '../utf8.js';
import { Precedents } from './Precedents.jsx';
import { DecisionWord, ErrorBox, Ok, when } from '../components/common.jsx';
import {
  criterionRoleLabel,
  criterionStateLabel,
  decisionLabel,
  urActionLabel,
} from '../labels.js';

const STATE_ICON = { met: '✓', not_met: '✗', not_documented: '?' };
const STATE_CLASS = { met: 'crit-met', not_met: 'crit-notmet', not_documented: 'crit-notdoc' };


function where(ev, records) {
  if (ev.record === -1) return 'the request';
  const r = records[ev.record];
  return `record ${ev.record + 1}${r ? ` (${r.title || r.source_name})` : ''}`;
}

/** One criterion: state, title, what the engine found or looked for, its evidence, and (for a
 * criterion that decided the draft) the reviewer's answer. */
function CriterionRow({ crit, itemIndex, n, records, answer, editable, cursor, onCursor, onShow, onAnswer, active }) {
  const evidence = crit.evidence || [];
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState(answer && !answer.agree ? answer.note : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const noteRef = useRef(null);
  const rowRef = useRef(null);
  const decided = !!crit.decided;

  useEffect(() => {
    if (answer && !answer.agree) setNote(answer.note);
  }, [answer?.note]);
  useEffect(() => {
    if (noteOpen) noteRef.current?.focus();
  }, [noteOpen]);

  const give = async (agree, text = '') => {
    setError(null);
    if (!agree && !text.trim()) {
      setNoteOpen(true);
      setError('Say why you disagree: the note goes into the rationale.');
      return;
    }
    setBusy(true);
    try {
      await onAnswer(crit.id, agree, text.trim());
      if (!agree) setNoteOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // The keyboard shortcuts (a / d / e) act on the criterion under the cursor.
  useEffect(() => {
    const el = rowRef.current;
    if (!el) return;
    el.imrAgree = () => editable && decided && give(true);
    el.imrDisagree = () => {
      if (!editable || !decided) return;
      setNoteOpen(true);
      setTimeout(() => noteRef.current?.focus(), 0);
    };
    el.imrEvidence = () => evidence.length && onShow(itemIndex, crit, 0);
  });

  const state = answer ? (answer.agree ? 'agreed' : 'disagreed') : 'unanswered';
  return (
    <li ref={rowRef} class={`criterion ${STATE_CLASS[crit.state] || ''}${active ? ' criterion-active' : ''}${cursor ? ' criterion-cursor' : ''}`}
      data-testid={`criterion-${crit.id}`} data-state={crit.state} data-answer={decided ? state : undefined}
      data-cursor={cursor ? 'true' : undefined} tabIndex={-1} onFocus={() => onCursor?.()}>
      <div class="crit-head">
        <span class="crit-state" data-testid="criterion-state">
          <span class="crit-icon" aria-hidden="true">{STATE_ICON[crit.state] || '•'}</span> {criterionStateLabel(crit.state)}
        </span>
        <span class="crit-title">{crit.title}</span>
        {crit.role && <span class="tag">{criterionRoleLabel(crit.role)}</span>}
        {decided && <span class="tag tag-decided" title="This criterion decided the draft">decided the draft</span>}
      </div>
      {crit.statement && <p class="crit-statement">{crit.statement}</p>}
      {crit.state === 'not_documented' && crit.looked_for && (
        <p class="looked-for" data-testid="looked-for">
          <strong>Looked for:</strong> {crit.looked_for}
        </p>
      )}
      <div class="crit-actions">
        <button type="button" class="criterion-button" aria-pressed={active ? 'true' : 'false'} disabled={evidence.length === 0}
          onClick={() => onShow(itemIndex, crit, 0)} data-testid="criterion-button"
          title={evidence.length ? 'Show the evidence (e)' : 'No evidence sentence for this criterion'}>
          {evidence.length ? `Evidence: ${where(evidence[0], records)} →` : 'No evidence sentence'}
        </button>
        {evidence.length > 1 &&
          evidence.slice(1).map((ev, k) => (
            <button type="button" class="link-button small" onClick={() => onShow(itemIndex, crit, k + 1)}>
              {where(ev, records)} #{k + 2}
            </button>
          ))}
        {decided && editable && (
          <span class="answer-buttons" role="group" aria-label={`Your answer on “${crit.title}”`}>
            <button type="button" class={`answer answer-agree${state === 'agreed' ? ' answer-on' : ''}`}
              aria-pressed={state === 'agreed' ? 'true' : 'false'} disabled={busy} onClick={() => give(true)}
              data-testid="agree">
              Agree <kbd>a</kbd>
            </button>
            <button type="button" class={`answer answer-disagree${state === 'disagreed' ? ' answer-on' : ''}`}
              aria-pressed={state === 'disagreed' ? 'true' : 'false'} disabled={busy} onClick={() => setNoteOpen(true)}
              data-testid="disagree">
              Disagree <kbd>d</kbd>
            </button>
          </span>
        )}
        {decided && !editable && answer && (
          <span class="small" data-testid="answer-read-only">
            Reviewer {answer.agree ? 'agreed' : `disagreed: ${answer.note}`}
          </span>
        )}
        {decided && editable && state === 'unanswered' && <span class="needs-answer small">needs your answer</span>}
      </div>
      {decided && editable && (noteOpen || state === 'disagreed') && (
        <div class="disagree-note">
          <label for={`note-${n}-${crit.id}`}>Why you disagree (goes into the rationale)</label>
          <textarea id={`note-${n}-${crit.id}`} ref={noteRef} rows={2} value={note} data-testid="disagree-note"
            onInput={(e) => setNote(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                give(false, note);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setNoteOpen(false);
                rowRef.current?.focus();
              }
            }} />
          <div class="form-actions">
            <button type="button" onClick={() => give(false, note)} disabled={busy} data-testid="save-disagreement">
              Save disagreement <kbd>Ctrl+Enter</kbd>
            </button>
          </div>
        </div>
      )}
      {error && <ErrorBox error={error} testid="answer-error" />}
    </li>
  );
}

function citationTexts(item) {
  return item.citations != null ? item.citations : (item.draft_citations || []).map((c) => c.text);
}

/** The reviewer's decision on the item: none pre-selected. */
function ItemDecision({ item, n, noRule, onSave, register, index }) {
  const engine = item.engine_decision || null;
  const [choice, setChoice] = useState(item.decision || '');
  const [rationale, setRationale] = useState(item.rationale || '');
  const [reason, setReason] = useState(item.reason || '');
  const [citations, setCitations] = useState(citationTexts(item).join('\n'));
  const [touched, setTouched] = useState({});
  const [problems, setProblems] = useState({});
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const rationaleRef = useRef(null);
  const reasonRef = useRef(null);
  const formRef = useRef(null);

  // The server's rationale (the notes flow into it) until the reviewer edits it here.
  useEffect(() => {
    if (!touched.rationale) setRationale(item.rationale || '');
  }, [item.rationale]);
  useEffect(() => {
    if (!touched.citations) setCitations(citationTexts(item).join('\n'));
  }, [JSON.stringify(item.citations)]);

  const differs = !!choice && !!engine && choice !== engine;

  const save = async (e) => {
    e?.preventDefault();
    setError(null);
    setSaved('');
    const p = {};
    if (!choice) p.choice = 'Choose upheld or overturned: no decision is made for you.';
    if (differs && !reason.trim()) p.reason = 'Give the reason you decide otherwise than the draft.';
    if (differs && (!rationale.trim() || rationale.trim() === (item.engine_rationale || '').trim()))
      p.rationale = 'Rewrite the rationale: it still argues the engine’s decision.';
    if (noRule && !rationale.trim()) p.rationale = 'Write the rationale: no rule pack covers this request.';
    if (noRule && !citations.trim()) p.citations = 'Write the guideline citation: no rule pack covers this request.';
    setProblems(p);
    if (p.choice) return formRef.current?.querySelector('input[type=radio]')?.focus();
    if (p.reason) return reasonRef.current?.focus();
    if (p.rationale) return rationaleRef.current?.focus();
    if (p.citations) return;
    setBusy(true);
    try {
      const body = { decision: choice, reason: reason.trim() };
      if (touched.rationale || noRule) body.rationale = rationale;
      if (touched.citations || noRule) body.citations = citations.split('\n').map((c) => c.trim()).filter(Boolean);
      await onSave(body);
      setSaved(`Item ${n} saved: ${decisionLabel(choice).toLowerCase()}${differs ? ', changed from the engine’s draft' : ''}.`);
      setTouched({});
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  register(index, {
    setChoice: (d) => {
      setChoice(d);
      setProblems({});
    },
    save,
    focusRationale: () => rationaleRef.current?.focus(),
  });

  const keys = (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };
  const name = `decision-${n}`;
  return (
    <form class="decision-form" ref={formRef} noValidate onSubmit={save} data-testid={`decision-form-${n}`}
      aria-label={`Your decision on item ${n}`}>
      <fieldset>
        <legend>
          Your decision {engine ? <span class="muted small">(the engine drafted: {decisionLabel(engine).toLowerCase()})</span> : null}
        </legend>
        <div class="radios">
          {['upheld', 'overturned'].map((d) => (
            <label>
              <input type="radio" name={name} value={d} checked={choice === d} onChange={() => setChoice(d)}
                data-testid={`choice-${d}-${n}`} />
              {decisionLabel(d)} <kbd>{d === 'upheld' ? 'u' : 'o'}</kbd>
            </label>
          ))}
        </div>
        {problems.choice && <p class="field-error" role="alert">{problems.choice}</p>}
      </fieldset>
      {differs && (
        <p class="msg msg-info small">
          You decide otherwise than the engine’s draft ({decisionLabel(engine).toLowerCase()} → {decisionLabel(choice).toLowerCase()}):
          give the reason and write the rationale for your decision.
        </p>
      )}
      <label for={`rationale-${n}`}>
        Rationale <span class="muted small">(letter text; your notes on the criteria flow in until you edit it)</span>
      </label>
      <textarea id={`rationale-${n}`} ref={rationaleRef} rows={7} value={rationale}
        aria-invalid={problems.rationale ? 'true' : undefined} onKeyDown={keys}
        onInput={(e) => {
          setRationale(e.currentTarget.value);
          setTouched({ ...touched, rationale: true });
        }} data-testid={`rationale-${n}`} />
      {problems.rationale && <p class="field-error" role="alert">{problems.rationale}</p>}
      {(differs || reason) && (
        <>
          <label for={`reason-${n}`}>
            Reason for deciding otherwise than the draft {differs && <span class="req">(required)</span>}
          </label>
          <textarea id={`reason-${n}`} ref={reasonRef} rows={3} value={reason} onKeyDown={keys}
            aria-invalid={problems.reason ? 'true' : undefined}
            onInput={(e) => setReason(e.currentTarget.value)} data-testid={`reason-${n}`} />
          {problems.reason && <p class="field-error" id={`reason-err-${n}`} role="alert">{problems.reason}</p>}
        </>
      )}
      <label for={`citations-${n}`}>
        Citations in the letter <span class="muted small">(one per line; “Non-MTUS Citation …” for a supplement)</span>
      </label>
      <textarea id={`citations-${n}`} rows={Math.min(6, Math.max(2, citations.split('\n').length))} value={citations}
        aria-invalid={problems.citations ? 'true' : undefined} onKeyDown={keys}
        onInput={(e) => {
          setCitations(e.currentTarget.value);
          setTouched({ ...touched, citations: true });
        }} data-testid={`citations-${n}`} />
      {problems.citations && <p class="field-error" role="alert">{problems.citations}</p>}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy} data-testid={`save-${n}`}>
          {busy ? 'Saving…' : `Save item ${n}`} <kbd>s</kbd>
        </button>
      </div>
      {saved && <Ok testid={`saved-${n}`}>{saved}</Ok>}
      {error && <ErrorBox error={error} testid={`save-error-${n}`} />}
    </form>
  );
}

function SavedState({ item }) {
  if (item.decision == null)
    return (
      <p class="saved-state undecided" data-testid="item-state">
        <span aria-hidden="true">○ </span>Not yet decided
      </p>
    );
  return (
    <p class={`saved-state ${item.changed ? 'changed' : 'decided'}`} data-testid="item-state">
      <span aria-hidden="true">{item.changed ? '✎ ' : '✓ '}</span>
      Decided: <DecisionWord decision={item.decision} />
      {item.engine_decision ? (item.changed ? ' — changed from the engine’s draft' : ' — as the engine drafted') : ''}
      {item.decided_at && <span class="muted small"> · {when(item.decided_at)}</span>}
    </p>
  );
}

export function ItemPanel(props) {
  const { item, index, records, highlight, onShow, editable, cursorCrit, onCursor, onAnswer, onSave, register, current } = props;
  const { precedentsCase } = props; // the case id when the item is drafted: its precedents are shown
  const n = index + 1;
  const reqHl = highlight && highlight.record === -1 && highlight.item === index ? highlight : null;
  const reqLocated = reqHl ? locateEvidence(item.request || '', reqHl.ev) || { before: '', match: item.request, after: '' } : null;
  const criteria = item.criteria || [];
  const decided = criteria.filter((c) => c.decided);
  const others = criteria.filter((c) => !c.decided);
  const answers = Object.fromEntries((item.answers || []).map((a) => [a.criterion, a]));
  const unanswered = decided.filter((c) => !answers[c.id]).length;
  const noRule = item.status === 'no_rule';
  const row = (c) => (
    <CriterionRow key={c.id} crit={c} itemIndex={index} n={n} records={records} answer={answers[c.id]} editable={editable}
      cursor={cursorCrit === c.id} onCursor={() => onCursor(index, c.id)} onShow={onShow}
      onAnswer={(id, agree, note) => onAnswer(index, id, agree, note)}
      active={highlight && highlight.item === index && highlight.critId === c.id} />
  );
  return (
    <article class={`item card${current ? ' item-current' : ''}`} data-testid={`item-${n}`} aria-labelledby={`item-title-${n}`}>
      <header class="item-head">
        <h2 id={`item-title-${n}`} tabIndex={-1}>
          <span class="muted">Item {n}.</span>{' '}
          <span class="request" data-testid={`item-request-${n}`}>
            {reqLocated ? (
              <>
                {reqLocated.before}
                <mark class="evidence" data-testid="request-mark">{reqLocated.match}</mark>
                {reqLocated.after}
              </>
            ) : (
              item.request
            )}
          </span>
        </h2>
        <dl class="facts-inline">
          <div>
            <dt>Utilization review</dt>
            <dd>
              {urActionLabel(item.ur_action)}
              {item.certified ? ` (certified ${item.certified})` : ''}
            </dd>
          </div>
          <div>
            <dt>Engine’s draft</dt>
            <dd data-testid={`engine-decision-${n}`}>
              {noRule ? <span class="muted">none (no rule pack)</span> : <DecisionWord decision={item.engine_decision} />}
            </dd>
          </div>
          {item.topic_label && (
            <div>
              <dt>Guideline topic</dt>
              <dd>{item.topic_label}</dd>
            </div>
          )}
        </dl>
        <SavedState item={item} />
      </header>
      {(item.notes || []).length > 0 && (
        <aside class="engine-notes" data-testid={`engine-notes-${n}`} aria-label="Notes for the reviewer">
          <strong>For you, not for the letter:</strong>
          <ul>
            {item.notes.map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        </aside>
      )}
      {noRule ? (
        <p class="msg msg-info" data-testid={`no-rule-${n}`}>
          No rule pack covers this request, so the engine drafted nothing and there are no criteria to answer. You write the
          decision, the guideline citation and the rationale.
        </p>
      ) : (
        <section aria-label={`Criteria for item ${n}`}>
          <h3 class="sub">
            Criteria that decided the draft ({decided.length})
            {editable && decided.length > 0 && (
              <span class={`small ${unanswered ? 'needs-answer' : 'muted'}`} data-testid={`unanswered-${n}`}>
                {' '}
                · {unanswered ? `${unanswered} to answer` : 'all answered'}
              </span>
            )}
          </h3>
          <ul class="criteria">{decided.map(row)}</ul>
          {others.length > 0 && (
            <details class="other-criteria">
              <summary>Other criteria ({others.length})</summary>
              <ul class="criteria">{others.map(row)}</ul>
            </details>
          )}
        </section>
      )}
      {precedentsCase && <Precedents caseId={precedentsCase} item={item} n={n} />}
      {editable ? (
        <ItemDecision item={item} n={n} index={index} noRule={noRule} register={register}
          onSave={(body) => onSave(index, body)} />
      ) : (
        <>
          {item.rationale && (
            <details class="rationale-ro">
              <summary>Rationale</summary>
              <p>{item.rationale}</p>
            </details>
          )}
          {citationTexts(item).length > 0 && (
            <details class="citations">
              <summary>Citations ({citationTexts(item).length})</summary>
              <ul>
                {citationTexts(item).map((c) => (
                  <li>{c}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </article>
  );
}
