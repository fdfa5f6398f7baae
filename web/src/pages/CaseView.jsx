// The case as the reviewer works it: the header (claimant, injury, diagnoses, physician, UR), the
// case file (record list, search, text or PDF pages with the evidence marked) beside the disputed
// items (criteria to answer, the decision to make, rationale and citations to write), the case
// summary, and signing through the letter preview and the attestation. Everything can be done
// from the keyboard (? lists the keys). The service enforces the rules; the page says them first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { casePath, get, post, put } from '../api.js';
import { ErrorBox, Ok, when } from '../components/common.jsx';
import { KeyHelp, typing } from '../components/KeyHelp.jsx';
import { AuditTrail } from '../case/AuditTrail.jsx';
import { CaseHeader } from '../case/CaseHeader.jsx';
import { ItemPanel } from '../case/ItemPanel.jsx';
import { RecordsPane } from '../case/RecordsPane.jsx';
import { SignDialog } from '../case/SignDialog.jsx';
import { evidenceRange } from '../utf8.js';
import { scrollIntoPane } from '../scroll.js';

const KEYS = [
  ['j / k', 'Next / previous criterion that decided the draft'],
  ['] / [', 'Next / previous item'],
  ['a', 'Agree with the criterion under the cursor'],
  ['d', 'Disagree (write why; Ctrl+Enter saves the note)'],
  ['e', 'Show the criterion’s evidence in the records'],
  ['u / o', 'Decide the current item: upheld / overturned'],
  ['r', 'Write the rationale of the current item'],
  ['s', 'Save the current item (Ctrl+Enter in a field)'],
  ['/', 'Search all records'],
  ['n / N', 'Next / previous search hit'],
  ['l', 'The list of records (↑ ↓ to move, Enter to open)'],
  ['p', 'Preview the letter and sign'],
  ['?', 'This help'],
  ['Escape', 'Leave a field or close a panel'],
];

function SummaryEditor({ view, editable, onSave }) {
  const current = view.summary ?? view.draft_summary ?? '';
  const [text, setText] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState('');
  useEffect(() => setText(current), [current]);
  if (!view.drafted) return null;
  const save = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      await onSave(text.trim() === (view.draft_summary || '').trim() ? null : text);
      setSaved('Case summary saved.');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card summary-box" onSubmit={save} data-testid="summary-form" aria-labelledby="summary-title">
      <h2 class="sub" id="summary-title">Case summary in the letter</h2>
      {editable ? (
        <>
          <label for="case-summary" class="sr-only">Case summary</label>
          <textarea id="case-summary" rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)}
            data-testid="summary-text" />
          <div class="form-actions">
            <button type="submit" disabled={busy || text === current} data-testid="summary-save">
              {busy ? 'Saving…' : 'Save the summary'}
            </button>
            {view.summary != null && <span class="small muted">edited by you</span>}
          </div>
          {saved && <Ok testid="summary-saved">{saved}</Ok>}
          <ErrorBox error={error} />
        </>
      ) : (
        <p class="small">{current}</p>
      )}
    </form>
  );
}

/** What the audit recorded about the review at signing. */
function ReviewRecord({ record }) {
  if (!record) return null;
  return (
    <p class="small" data-testid="review-record">
      Time on the case: {record.active_minutes} min active ({record.elapsed_minutes} min from opening to signing) ·
      evidence opened: {record.evidence_opened} · items changed from the draft: {record.items_changed} of {record.items} ·
      criteria disagreed with: {record.criteria_disagreed}
      {record.accepted_unchanged ? ' · the draft accepted unchanged' : ''}
    </p>
  );
}

export function CaseView({ user, caseId }) {
  const [view, setView] = useState(null);
  const [error, setError] = useState(null);
  const [draftError, setDraftError] = useState(null);
  const [texts, setTexts] = useState({});
  const [highlight, setHighlight] = useState(null);
  const [announce, setAnnounce] = useState('');
  const [stale, setStale] = useState(false);
  const [letter, setLetter] = useState(null);
  const [status, setStatus] = useState('Loading the case…');
  const [cursor, setCursor] = useState(null); // {item, crit}
  const [help, setHelp] = useState(false);
  const [signing, setSigning] = useState(false);
  const seq = useRef(0);
  const version = useRef(null);
  const forms = useRef({}); // item index -> {setChoice, save, focusRationale}
  const records = useRef({}); // the records pane's keyboard controls

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

  const loadTexts = async (v) => {
    const entries = await Promise.all(
      (v.records || []).map((r) =>
        recordText(r.id).then(
          (text) => [r.id, { text }],
          (e) => [r.id, { error: e }],
        ),
      ),
    );
    setTexts(Object.fromEntries(entries));
  };

  const loadLetter = async (v) => {
    if (!v.signed || v.signed.length === 0) return setLetter(null);
    try {
      const text = await get(`${casePath(caseId)}/letter?format=paragraphs`);
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
      version.current = v.version;
      setStale(false);
      setStatus('');
      if (withRecords) loadTexts(v);
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

  const draft = view?.draft || null;
  const items = (view?.items || []).map((it, i) => {
    const d = draft?.items?.[i] || {};
    return { ...it, criteria: d.criteria || [], status: d.status, notes: d.notes || [], draft_citations: d.citations || [] };
  });
  const mine = assigned(view);
  const signed = (view?.signed || []).length > 0;
  const editable = !!view && mine && view.status === 'in_review' && view.drafted && !view.draft_stale && !signed;

  // The keyboard cursor walks the criteria that decided the draft, item by item.
  const stops = [];
  items.forEach((it, i) => it.criteria.filter((c) => c.decided).forEach((c) => stops.push({ item: i, crit: c.id })));
  const currentItem = cursor?.item ?? 0;

  const write = async (fn) => {
    try {
      const r = await fn(version.current);
      if (r?.version != null) version.current = r.version;
      await load({ withRecords: false, allowDraft: false });
      return r;
    } catch (e) {
      if (e.status === 409 && e.code === 'stale') setStale(true);
      throw e;
    }
  };
  const itemPath = (index) => `${casePath(caseId)}/items/${index + 1}`;
  const onAnswer = (index, criterion, agree, note) =>
    write((v) => put(itemPath(index), { version: v, criteria: [{ id: criterion, agree, note }] }));
  const onSave = (index, body) => write((v) => put(itemPath(index), { ...body, version: v }));
  const onSummary = (summary) => write((v) => put(`${casePath(caseId)}/summary`, { version: v, summary }));

  const onShow = (itemIndex, crit, k) => {
    const ev = crit.evidence[k];
    const record = view.records[ev.record];
    const text = record ? texts[record.id]?.text : null;
    const range = text != null ? evidenceRange(text, ev) : null;
    const key = `${itemIndex}-${crit.id}-${k}-${Date.now()}`;
    setHighlight({ item: itemIndex, critId: crit.id, ev, record: ev.record, range, text: ev.text, key });
    setCursor({ item: itemIndex, crit: crit.id });
    setAnnounce(
      ev.record === -1
        ? `Evidence highlighted in the request of item ${itemIndex + 1}.`
        : `Evidence highlighted in record ${ev.record + 1}: ${record?.title || ''}.`,
    );
    // The audit notes which evidence the reviewer opened (best effort: reading goes on regardless).
    if (mine)
      post(`${casePath(caseId)}/evidence`, { item: items[itemIndex].id || String(itemIndex + 1), criterion: crit.id, record: ev.record }).catch(
        () => {},
      );
  };

  const moveCursor = (dir) => {
    if (stops.length === 0) return;
    let at = cursor ? stops.findIndex((s) => s.item === cursor.item && s.crit === cursor.crit) : -1;
    if (at < 0 && cursor) {
      // On an item with no criterion to answer: the next (or previous) one after it.
      const after = stops.findIndex((s) => s.item > cursor.item);
      at = dir > 0 ? (after < 0 ? stops.length : after) - 1 : after < 0 ? stops.length : after;
      if (dir < 0) at = stops.findLastIndex((s) => s.item < cursor.item) + 1;
    }
    const next = stops[Math.max(0, Math.min(stops.length - 1, at < 0 && !cursor ? (dir > 0 ? 0 : stops.length - 1) : at + dir))];
    setCursor(next);
  };
  const moveItem = (dir) => {
    if (items.length === 0) return;
    const i = Math.max(0, Math.min(items.length - 1, (cursor?.item ?? (dir > 0 ? -1 : items.length)) + dir));
    const first = items[i].criteria.find((c) => c.decided);
    setCursor({ item: i, crit: first?.id ?? null });
    const title = document.getElementById(`item-title-${i + 1}`);
    title?.focus({ preventScroll: true });
    scrollIntoPane(title, 'nearest');
  };

  // Bring the criterion under the cursor into view and give it the focus.
  useEffect(() => {
    if (!cursor?.crit) return;
    const el = document.querySelector(`[data-testid=item-${cursor.item + 1}] [data-testid="criterion-${cursor.crit}"]`);
    if (el && document.activeElement !== el && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
    scrollIntoPane(el, 'nearest');
  }, [cursor?.item, cursor?.crit]);

  useEffect(() => {
    const onKey = (e) => {
      if (help || signing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (typing(e)) {
        if (e.key === 'Escape') e.target.blur();
        return;
      }
      const row = () => document.querySelector('[data-cursor=true]');
      const form = forms.current[currentItem];
      const act = {
        '?': () => setHelp(true),
        j: () => moveCursor(1),
        k: () => moveCursor(-1),
        ']': () => moveItem(1),
        '[': () => moveItem(-1),
        a: () => row()?.imrAgree?.(),
        d: () => row()?.imrDisagree?.(),
        e: () => row()?.imrEvidence?.(),
        u: () => editable && form?.setChoice('upheld'),
        o: () => editable && form?.setChoice('overturned'),
        r: () => editable && form?.focusRationale(),
        s: () => editable && form?.save(),
        '/': () => records.current.focusSearch?.(),
        n: () => records.current.nextHit?.(1),
        N: () => records.current.nextHit?.(-1),
        l: () => records.current.focusList?.(),
        p: () => editable && setSigning(true),
      }[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

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

  const last = signed ? view.signed[view.signed.length - 1] : null;
  const pdfHref = `${casePath(caseId)}/letter?format=pdf`;
  const blocking = view.blocking || [];
  return (
    <section class="case-page" aria-labelledby="case-title" data-testid="case-view">
      <CaseHeader view={view} onReload={() => load()} />
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
      {mine && (
        <p class="small muted keys-hint">
          Keyboard: <kbd>j</kbd>/<kbd>k</kbd> criteria, <kbd>a</kbd> agree, <kbd>d</kbd> disagree, <kbd>e</kbd> evidence,{' '}
          <kbd>p</kbd> preview and sign —{' '}
          <button type="button" class="link-button" onClick={() => setHelp(true)} data-testid="show-keys">
            all keys (<kbd>?</kbd>)
          </button>
        </p>
      )}
      <div class="case-columns">
        <div class="pane records-pane" aria-label="Case file" role="region">
          <h2 class="pane-title">Case file ({(view.records || []).length} records)</h2>
          <RecordsPane caseId={caseId} records={view.records || []} texts={texts}
            target={highlight && highlight.record >= 0 ? highlight : null} control={records.current} />
        </div>
        <div class="pane items-pane" aria-label="Disputed items" role="region" data-testid="items-pane" data-scroll-pane>
          <h2 class="pane-title">Disputed items ({items.length})</h2>
          {!draft && view.status !== 'signed' && (
            <p class="muted small">
              No engine draft yet
              {view.status !== 'in_review' ? ' (the engine drafts once the records are complete)' : ''}.
            </p>
          )}
          {items.map((it, i) => (
            <ItemPanel key={it.id || i} item={it} index={i} records={view.records || []} highlight={highlight}
              onShow={onShow} editable={editable} cursorCrit={cursor?.item === i ? cursor.crit : null}
              onCursor={(item, crit) => setCursor({ item, crit })} onAnswer={onAnswer} onSave={onSave}
              register={(index, api) => (forms.current[index] = api)} current={editable && currentItem === i}
              precedentsCase={draft?.items?.[i] ? caseId : null} />
          ))}
          <SummaryEditor view={view} editable={editable} onSave={onSummary} />
          {mine && !signed && (
            <div class="sign-box card">
              <h2 class="sub">Sign the determination</h2>
              {blocking.length > 0 ? (
                <div class="small" data-testid="blocking">
                  Before signing:
                  <ul>
                    {blocking.map((b) => (
                      <li>{b}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p class="small muted">Every item is decided and every criterion answered. Preview the letter to sign it.</p>
              )}
              <button type="button" class="primary" disabled={!editable} onClick={() => setSigning(true)} data-testid="sign">
                Preview the letter and sign <kbd>p</kbd>
              </button>
            </div>
          )}
          {signed && (
            <div class="letter card" data-testid="letter">
              <h2 class="sub">Signed determination letter</h2>
              <p class="small">
                Signed by {last.signed_by} on {when(last.signed_at)}.{' '}
                <a href={pdfHref} download={`${caseId}.pdf`} data-testid="download-pdf">
                  Download PDF
                </a>
              </p>
              <ReviewRecord record={view.review_record} />
              {letter?.error && <ErrorBox error={letter.error} />}
              {!letter && <p role="status">Loading the letter…</p>}
              {letter?.text != null && <pre class="letter-text" data-testid="letter-preview" tabIndex={0}>{letter.text}</pre>}
            </div>
          )}
          <AuditTrail caseId={caseId} />
        </div>
      </div>
      {help && <KeyHelp keys={KEYS} onClose={() => setHelp(false)} title="Keys in the case view" />}
      {signing && (
        <SignDialog caseId={caseId} version={() => version.current} onClose={() => setSigning(false)}
          onSigned={(r) => {
            if (r?.version != null) version.current = r.version;
            setSigning(false);
            load({ withRecords: false, allowDraft: false });
          }} />
      )}
    </section>
  );
}
