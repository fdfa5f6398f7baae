import { useEffect, useLayoutEffect, useState, useRef } from 'preact/hooks';
import { get, post, put, casePath, errorText } from '../api.js';
import { locateEvidence } from '../utf8.js';
import { ErrorBox, Ok, StatusBadge, ExpeditedBadge, DueBadge, when } from '../components/common.jsx';

const STATE_INFO = {
  met: { icon: '✓', word: 'met', cls: 'crit-met' },
  not_met: { icon: '✗', word: 'not met', cls: 'crit-notmet' },
  not_documented: { icon: '?', word: 'not documented', cls: 'crit-notdoc' },
};

function DecisionWord({ decision }) {
  if (!decision) return <span class="decision decision-none">no decision</span>;
  return (
    <span class={`decision decision-${decision}`}>
      <span aria-hidden="true">{decision === 'upheld' ? '▲ ' : '▼ '}</span>
      {decision}
    </span>
  );
}

/** Text with an optional highlighted span (already located). */
function Highlighted({ text, hl, markKey, testid = 'evidence-mark' }) {
  if (!hl) return text;
  return (
    <>
      {hl.before}
      <mark class="evidence" data-hl-key={markKey} data-testid={testid}>{hl.match}</mark>
      {hl.after}
    </>
  );
}

function RecordBlock({ caseId, record, index, loaded, highlight }) {
  const pdf = (record.media_type || '').includes('pdf');
  const hl = highlight && loaded?.text != null ? locateEvidence(loaded.text, highlight.ev) : null;
  return (
    <section class={`record${highlight ? ' record-active' : ''}`} id={`record-${index}`} data-testid={`record-${index}`}
      aria-labelledby={`record-title-${index}`}>
      <h3 id={`record-title-${index}`}>
        <span class="muted">Record {index + 1}.</span> {record.title || record.source_name || record.id}
      </h3>
      <p class="meta">
        <span>Dated {record.date || '—'}</span>
        <span>From {record.sender || '—'}</span>
        {record.received_at && <span>Received {when(record.received_at)}</span>}
        {pdf && (
          <a href={`${casePath(caseId)}/records/${encodeURIComponent(record.id)}/content`} target="_blank" rel="noopener"
            data-testid={`record-pdf-${index}`}>
            Open original PDF
          </a>
        )}
      </p>
      {!loaded && <p role="status" class="muted">Loading text…</p>}
      {loaded?.error && <ErrorBox error={loaded.error} />}
      {loaded?.text != null && (
        <pre class="record-text" data-testid={`record-text-${index}`}>
          <Highlighted text={loaded.text} hl={hl} markKey={highlight?.key} />
        </pre>
      )}
    </section>
  );
}

function CriterionRow({ crit, itemIndex, active, onShow, records }) {
  const info = STATE_INFO[crit.state] || { icon: '•', word: crit.state || 'unknown', cls: '' };
  const evidence = crit.evidence || [];
  const where = (ev) => (ev.record === -1 ? 'the request' : `record ${ev.record + 1}${records[ev.record] ? ` (${records[ev.record].title})` : ''}`);
  return (
    <li class={`criterion ${info.cls}${active ? ' criterion-active' : ''}`} data-testid={`criterion-${crit.id}`}
      data-state={crit.state}>
      <button type="button" class="criterion-button" aria-pressed={active ? 'true' : 'false'}
        disabled={evidence.length === 0} onClick={() => onShow(itemIndex, crit, 0)}
        title={evidence.length ? `Show the evidence in ${where(evidence[0])}` : 'No evidence sentence for this criterion'}
        data-testid="criterion-button">
        <span class="crit-state" data-testid="criterion-state">
          <span class="crit-icon" aria-hidden="true">{info.icon}</span> {info.word}
        </span>
        <span class="crit-title">{crit.title}</span>
        {crit.decisive && <span class="tag">decisive</span>}
        {crit.advisory && <span class="tag">advisory</span>}
        <span class="crit-ev muted small">
          {evidence.length ? `evidence: ${where(evidence[0])} →` : 'no evidence sentence'}
        </span>
      </button>
      <p class="crit-statement">{crit.statement}</p>
      {crit.state === 'not_documented' && crit.looked_for && (
        <p class="looked-for" data-testid="looked-for">
          <strong>Looked for:</strong> {crit.looked_for}
        </p>
      )}
      {evidence.length > 1 && (
        <p class="more-evidence small">
          More evidence:{' '}
          {evidence.slice(1).map((ev, k) => (
            <button type="button" class="link-button" onClick={() => onShow(itemIndex, crit, k + 1)}>
              {where(ev)} #{k + 2}
            </button>
          ))}
        </p>
      )}
    </li>
  );
}

function choiceFor(item) {
  if (item.decision == null) return item.engine_decision ? 'accept' : '';
  return item.changed ? item.decision : 'accept';
}

function ItemDecision({ caseId, item, n, version, onSaved, onStale }) {
  const engine = item.engine_decision || null;
  const [choice, setChoice] = useState(choiceFor(item));
  const [rationale, setRationale] = useState(item.rationale ?? item.engine_rationale ?? '');
  const [reason, setReason] = useState(item.reason || '');
  const [problems, setProblems] = useState({});
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef(null);
  const rationaleRef = useRef(null);

  const effective = choice === 'accept' ? engine : choice || null;
  const differs = !!effective && effective !== engine;
  const dirty =
    choice !== choiceFor(item) || rationale !== (item.rationale ?? item.engine_rationale ?? '') || reason !== (item.reason || '');

  const save = async (e) => {
    e.preventDefault();
    setError(null);
    setSaved('');
    const p = {};
    if (!effective) p.choice = 'Choose a decision: the engine has no draft decision to accept for this item.';
    if (differs && !reason.trim()) p.reason = 'Give a reason: your decision differs from the engine’s draft.';
    if (differs && (!rationale.trim() || rationale.trim() === (item.engine_rationale || '').trim()))
      p.rationale = 'Rewrite the rationale: it still argues the engine’s decision.';
    setProblems(p);
    if (p.reason) return reasonRef.current?.focus();
    if (p.rationale) return rationaleRef.current?.focus();
    if (p.choice) return;
    setBusy(true);
    try {
      const body = {
        version,
        decision: choice === 'accept' ? null : choice,
        rationale: rationale === (item.engine_rationale ?? '') && !differs ? null : rationale,
        reason: differs ? reason.trim() : reason.trim(),
      };
      const r = await put(`${casePath(caseId)}/items/${n}`, body);
      setSaved(`Saved item ${n}${differs ? ' (changed from the engine’s draft)' : ''}.`);
      onSaved(r.version);
    } catch (err) {
      setError(err);
      if (err.status === 409 && err.code === 'stale') onStale(err);
    } finally {
      setBusy(false);
    }
  };

  const name = `decision-${n}`;
  return (
    <form class="decision-form" noValidate onSubmit={save} data-testid={`decision-form-${n}`} aria-label={`Decision for item ${n}`}>
      <fieldset>
        <legend>Your decision</legend>
        <div class="radios">
          <label>
            <input type="radio" name={name} value="accept" checked={choice === 'accept'} disabled={!engine}
              onChange={() => setChoice('accept')} data-testid={`choice-accept-${n}`} />
            Accept draft{engine ? ` (${engine})` : ''}
          </label>
          <label>
            <input type="radio" name={name} value="upheld" checked={choice === 'upheld'}
              onChange={() => setChoice('upheld')} data-testid={`choice-upheld-${n}`} />
            Upheld
          </label>
          <label>
            <input type="radio" name={name} value="overturned" checked={choice === 'overturned'}
              onChange={() => setChoice('overturned')} data-testid={`choice-overturned-${n}`} />
            Overturned
          </label>
        </div>
        {problems.choice && <p class="field-error" role="alert">{problems.choice}</p>}
      </fieldset>
      {differs && (
        <p class="msg msg-info small">
          You are changing the engine’s draft ({engine || 'none'} → {effective}): a reason and your own rationale are
          required.
        </p>
      )}
      <label for={`rationale-${n}`}>Rationale</label>
      <textarea id={`rationale-${n}`} ref={rationaleRef} rows={6} value={rationale}
        aria-invalid={problems.rationale ? 'true' : undefined}
        aria-describedby={problems.rationale ? `rationale-err-${n}` : undefined}
        onInput={(e) => setRationale(e.currentTarget.value)} data-testid={`rationale-${n}`} />
      {problems.rationale && <p class="field-error" id={`rationale-err-${n}`} role="alert">{problems.rationale}</p>}
      <label for={`reason-${n}`}>
        Reason for changing the draft {differs ? <span class="req">(required)</span> : <span class="muted">(only when changing it)</span>}
      </label>
      <input id={`reason-${n}`} ref={reasonRef} value={reason} aria-required={differs ? 'true' : 'false'}
        aria-invalid={problems.reason ? 'true' : undefined}
        aria-describedby={problems.reason ? `reason-err-${n}` : undefined}
        onInput={(e) => setReason(e.currentTarget.value)} data-testid={`reason-${n}`} />
      {problems.reason && <p class="field-error" id={`reason-err-${n}`} role="alert">{problems.reason}</p>}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy} data-testid={`save-${n}`}>
          {busy ? 'Saving…' : `Save item ${n}`}
        </button>
        {dirty && !busy && <span class="muted small">Unsaved changes</span>}
      </div>
      {saved && <Ok testid={`saved-${n}`}>{saved}</Ok>}
      {error && (
        <ErrorBox error={error} testid={`save-error-${n}`}>
          {error.status === 409 && error.code === 'stale' && (
            <span> The case changed since you opened it. Reload the case and redo this item.</span>
          )}
        </ErrorBox>
      )}
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
      {item.changed ? ' — changed from the engine’s draft' : ' — engine’s draft accepted'}
      {item.decided_by && <span class="muted small"> · {item.decided_by} {when(item.decided_at)}</span>}
      {item.changed && item.reason && <span class="small"> · reason: {item.reason}</span>}
    </p>
  );
}

function ItemPanel({ caseId, item, index, records, highlight, onShow, editable, version, onSaved, onStale }) {
  const n = index + 1;
  const reqHl = highlight && highlight.ev.record === -1 && highlight.item === index ? highlight : null;
  let reqLocated = null;
  if (reqHl) {
    reqLocated = locateEvidence(item.request || '', reqHl.ev) || { before: '', match: item.request || '', after: '' };
  }
  const criteria = item.criteria || [];
  return (
    <article class="item card" data-testid={`item-${n}`} aria-labelledby={`item-title-${n}`}>
      <header class="item-head">
        <h2 id={`item-title-${n}`}>
          <span class="muted">Item {n}.</span>{' '}
          <span class="request" data-testid={`item-request-${n}`}>
            <Highlighted text={item.request} hl={reqLocated} markKey={reqHl?.key} testid="request-mark" />
          </span>
        </h2>
        <dl class="facts-inline">
          <div>
            <dt>UR action</dt>
            <dd>
              {item.ur_action || '—'}
              {item.certified ? ` (certified: ${item.certified})` : ''}
            </dd>
          </div>
          <div>
            <dt>Engine draft</dt>
            <dd data-testid={`engine-decision-${n}`}>
              <DecisionWord decision={item.engine_decision ?? item.draft_decision} />
            </dd>
          </div>
          {(item.rule_pack || item.topic) && (
            <div>
              <dt>Rule pack</dt>
              <dd>
                {item.rule_pack || '—'}
                {item.topic ? ` · topic ${item.topic}` : ''}
              </dd>
            </div>
          )}
        </dl>
        <SavedState item={item} />
      </header>
      {criteria.length > 0 ? (
        <section aria-label={`Criteria for item ${n}`}>
          <h3 class="sub">Criteria</h3>
          <ul class="criteria">
            {criteria.map((c) => (
              <CriterionRow key={c.id} crit={c} itemIndex={index} records={records}
                active={highlight && highlight.item === index && highlight.critId === c.id} onShow={onShow} />
            ))}
          </ul>
        </section>
      ) : (
        <p class="muted">No criteria from the engine for this item.</p>
      )}
      {(item.citations || []).length > 0 && (
        <details class="citations">
          <summary>Citations ({item.citations.length})</summary>
          <ul>
            {item.citations.map((c) => (
              <li>{c.text}</li>
            ))}
          </ul>
        </details>
      )}
      {editable ? (
        <ItemDecision caseId={caseId} item={item} n={n} version={version} onSaved={onSaved} onStale={onStale} />
      ) : (
        item.rationale && (
          <details class="rationale-ro">
            <summary>Rationale</summary>
            <p>{item.rationale}</p>
          </details>
        )
      )}
    </article>
  );
}

function Deadlines({ deadlines }) {
  if (!deadlines || deadlines.length === 0) return null;
  const open = deadlines.filter((d) => !d.met_at);
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
            <th scope="col">Basis</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((d) => (
            <tr>
              <td>{d.what}</td>
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

export function CaseView({ user, caseId }) {
  const [view, setView] = useState(null);
  const [error, setError] = useState(null);
  const [draftError, setDraftError] = useState(null);
  const [records, setRecords] = useState({});
  const [version, setVersion] = useState(null);
  const [highlight, setHighlight] = useState(null);
  const [announce, setAnnounce] = useState('');
  const [stale, setStale] = useState(false);
  const [signing, setSigning] = useState(false);
  const [signError, setSignError] = useState(null);
  const [letter, setLetter] = useState(null);
  const [status, setStatus] = useState('Loading the case…');
  const seq = useRef(0);

  const assigned = (v) => user.role === 'reviewer' && !!user.reviewer_id && v && v.reviewer_id === user.reviewer_id;

  /** A record's text, page by page (the server sends at most 256 KB at a time). */
  const recordText = async (id) => {
    let text = '';
    for (let offset = 0; ; ) {
      const d = await get(`${casePath(caseId)}/records/${encodeURIComponent(id)}?offset=${offset}`);
      if (typeof d === 'string') return text + d;
      text += d.text ?? '';
      if (d.next_offset == null) return text;
      offset = d.next_offset;
    }
  };

  const loadRecords = async (v) => {
    const entries = await Promise.all(
      (v.records || []).map((r) =>
        recordText(r.id).then(
          (text) => [r.id, { text }],
          (e) => [r.id, { error: e }],
        ),
      ),
    );
    setRecords(Object.fromEntries(entries));
  };

  const loadLetter = async (v) => {
    if (!v.signed || v.signed.length === 0) return setLetter(null);
    try {
      const text = await get(`${casePath(caseId)}/letter?format=text`);
      setLetter({ text: typeof text === 'string' ? text : JSON.stringify(text, null, 2) });
    } catch (e) {
      setLetter({ error: e });
    }
  };

  /** Loads the case; the assigned reviewer gets a (re)draft first when it's missing or stale. */
  const load = async ({ withRecords = true, allowDraft = true } = {}) => {
    const my = ++seq.current;
    setError(null);
    try {
      let v = await get(casePath(caseId));
      if (allowDraft && assigned(v) && v.status === 'in_review' && (!v.drafted || v.draft_stale)) {
        setStatus(v.draft_stale ? 'The records changed: the engine is redrafting…' : 'The engine is drafting…');
        try {
          await post(`${casePath(caseId)}/draft`, {});
          setDraftError(null);
        } catch (e) {
          setDraftError(e);
        }
        v = await get(casePath(caseId));
      }
      if (my !== seq.current) return;
      setView(v);
      setVersion(v.version);
      setStale(false);
      setStatus('');
      if (withRecords) loadRecords(v);
      loadLetter(v);
    } catch (e) {
      if (my !== seq.current) return;
      setView(null);
      setError(e);
      setStatus('');
    }
  };

  useEffect(() => {
    load();
  }, [caseId]);

  // Scroll the highlighted evidence into view once it is rendered (records may still be loading).
  useLayoutEffect(() => {
    if (!highlight) return;
    const el = document.querySelector(`mark[data-hl-key="${highlight.key}"]`);
    if (el) el.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [highlight, records]);

  if (error) {
    return (
      <section class="page" aria-labelledby="case-title">
        <h1 id="case-title">Case {caseId}</h1>
        <ErrorBox error={error} testid="case-error">
          {' '}
          <a href="#/">Back to your start page</a>
        </ErrorBox>
      </section>
    );
  }
  if (!view) return <p class="page" role="status">{status || 'Loading…'}</p>;

  const draft = view.draft || null;
  const items = (view.items || []).map((it, i) => {
    const d = draft?.items?.[i] || {};
    return {
      ...it,
      topic: d.topic,
      rule_pack: d.rule_pack,
      draft_decision: d.decision,
      citations: d.citations || [],
      criteria: d.criteria || [],
    };
  });
  const mine = assigned(view);
  const signed = (view.signed || []).length > 0;
  const editable = mine && view.status === 'in_review' && view.drafted && !view.draft_stale && !signed;
  const allDecided = items.length > 0 && items.every((i) => i.decision != null);

  const onShow = (itemIndex, crit, k) => {
    const ev = crit.evidence[k];
    const key = `${itemIndex}-${crit.id}-${k}-${Date.now()}`;
    setHighlight({ item: itemIndex, critId: crit.id, ev, key });
    setAnnounce(
      ev.record === -1
        ? `Evidence highlighted in the request of item ${itemIndex + 1}.`
        : `Evidence highlighted in record ${ev.record + 1}: ${view.records[ev.record]?.title || ''}.`,
    );
  };

  const onSaved = (newVersion) => {
    if (newVersion != null) setVersion(newVersion);
    load({ withRecords: false, allowDraft: false });
  };

  const sign = async () => {
    setSigning(true);
    setSignError(null);
    try {
      await post(`${casePath(caseId)}/sign`, { version });
      await load({ withRecords: false, allowDraft: false });
    } catch (e) {
      setSignError(e);
      if (e.status === 409 && e.code === 'stale') setStale(true);
    } finally {
      setSigning(false);
    }
  };

  const pdfHref = `${casePath(caseId)}/letter?format=pdf`;
  return (
    <section class="case-page" aria-labelledby="case-title" data-testid="case-view">
      <div class="case-head">
        <h1 id="case-title" data-testid="case-id">{view.case_id}</h1>
        <div class="badges">
          <StatusBadge status={view.status} />
          <ExpeditedBadge expedited={view.expedited} />
        </div>
        <dl class="facts-inline">
          <div>
            <dt>Due</dt>
            <dd data-testid="case-due">
              {when(view.due)}
              {view.due_what ? ` — ${view.due_what.replace(/_/g, ' ')}` : ''}
            </dd>
          </div>
          <div>
            <dt>Reviewer</dt>
            <dd>{view.reviewer_id || '—'}</dd>
          </div>
          <div>
            <dt>Received</dt>
            <dd>{view.received || '—'}</dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd data-testid="case-version">{version}</dd>
          </div>
        </dl>
        <Deadlines deadlines={view.deadlines} />
        <button type="button" onClick={() => load()} data-testid="case-reload">Reload</button>
      </div>
      <p class="sr-only" aria-live="polite">{announce}</p>
      {!mine && <p class="msg msg-info small" data-testid="read-only">Read-only view: only the assigned reviewer decides and signs.</p>}
      {status && <p role="status">{status}</p>}
      {draftError && <ErrorBox error={draftError} testid="draft-error" />}
      {view.draft_stale && !mine && <p class="msg msg-info small">The draft is out of date (records changed since it was made).</p>}
      {stale && (
        <div class="msg msg-error" role="alert" data-testid="stale">
          This case was changed elsewhere since you loaded it; your last change was not saved.{' '}
          <button type="button" onClick={() => load({ withRecords: false, allowDraft: false })} data-testid="stale-reload">
            Reload the case
          </button>
        </div>
      )}
      <div class="case-columns">
        <div class="pane records-pane" aria-label="Records" role="region" tabIndex={0} data-testid="records-pane">
          <h2 class="pane-title">Records ({(view.records || []).length})</h2>
          {(view.records || []).length === 0 && <p class="muted">No records yet.</p>}
          {(view.records || []).map((r, i) => (
            <RecordBlock key={r.id} caseId={caseId} record={r} index={i} loaded={records[r.id]}
              highlight={highlight && highlight.ev.record === i ? highlight : null} />
          ))}
        </div>
        <div class="pane items-pane" aria-label="Disputed items" role="region" data-testid="items-pane">
          <h2 class="pane-title">Disputed items ({items.length})</h2>
          {!draft && view.status !== 'signed' && (
            <p class="muted small">No engine draft yet{view.status !== 'in_review' ? ` (the case is ${view.status.replace(/_/g, ' ')}; the engine drafts once the records are complete)` : ''}.</p>
          )}
          {items.map((it, i) => (
            <ItemPanel key={i} caseId={caseId} item={it} index={i} records={view.records || []} highlight={highlight}
              onShow={onShow} editable={editable} version={version} onSaved={onSaved}
              onStale={() => setStale(true)} />
          ))}
          {mine && !signed && (
            <div class="sign-box card">
              <h2 class="sub">Sign the determination</h2>
              <p class="small muted">
                {allDecided ? 'All items are decided. Signing locks the case and issues the letter.' : 'Decide every item first; then sign.'}
              </p>
              <button type="button" class="primary" disabled={!editable || !allDecided || signing} onClick={sign}
                data-testid="sign">
                {signing ? 'Signing…' : 'Sign'}
              </button>
              <ErrorBox error={signError} testid="sign-error" />
            </div>
          )}
          {signed && (
            <div class="letter card" data-testid="letter">
              <h2 class="sub">Signed determination letter</h2>
              <p class="small">
                Signed by {view.signed[view.signed.length - 1].signed_by} on {when(view.signed[view.signed.length - 1].signed_at)}.{' '}
                <a href={pdfHref} download={`${caseId}.pdf`} data-testid="download-pdf">
                  Download PDF
                </a>
              </p>
              {letter?.error && <ErrorBox error={letter.error} />}
              {!letter && <p role="status">Loading the letter…</p>}
              {letter?.text != null && <pre class="letter-text" data-testid="letter-preview" tabIndex={0}>{letter.text}</pre>}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
