// The case file: a list of the records (date, title, sender, pages) to jump between, a search
// across all of them with every hit highlighted, and the record being read — its text, or for an
// uploaded PDF its pages — with the evidence of the criterion the reviewer opened highlighted.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { casePath } from '../api.js';
import { ErrorBox, when } from '../components/common.jsx';
import { pageAt, searchRecords, snippet } from '../search.js';
import { PdfRecord } from './PdfRecord.jsx';
import { scrollIntoPane } from '../scroll.js';

const isPdf = (r) => (r?.media_type || '').includes('pdf');

/** Text with marked ranges: [{start, end, cls, testid, current}] sorted, not overlapping. */
function Marked({ text, ranges }) {
  const out = [];
  let at = 0;
  ranges.forEach((r, i) => {
    if (r.start > at) out.push(text.slice(at, r.start));
    out.push(
      <mark key={i} class={r.cls} data-testid={r.testid} data-current={r.current ? 'true' : undefined}>
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  });
  out.push(text.slice(at));
  return out;
}

/** The evidence range plus the search hits outside it (clipped), in order; `focus` says which
 * is scrolled to ('evidence' | 'hit'). */
function rangesFor(evidence, hits, current, focus) {
  const out = [];
  if (evidence) out.push({ ...evidence, cls: 'evidence', testid: 'evidence-mark', current: focus === 'evidence' });
  hits.forEach((h) => {
    let { start, end } = h;
    if (evidence && start < evidence.end && end > evidence.start) {
      if (start >= evidence.start) start = evidence.end;
      else end = evidence.start;
      if (end <= start) return;
    }
    const isCurrent = current && current.start === h.start && current.record === h.record;
    out.push({ start, end, cls: isCurrent ? 'hit hit-current' : 'hit', testid: 'search-mark', current: isCurrent && focus === 'hit' });
  });
  return out.sort((a, b) => a.start - b.start);
}

function RecordList({ records, selected, onSelect, hitsByRecord, listRef }) {
  const onKey = (e, i) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const next = Math.max(0, Math.min(records.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)));
      listRef.current?.querySelectorAll('button.record-choice')[next]?.focus();
    }
  };
  return (
    <div class="record-list" ref={listRef} data-testid="record-list" role="list" aria-label="Records in the case file">
      {records.map((r, i) => (
        <div role="listitem" key={r.id}>
          <button type="button" class={`record-choice${i === selected ? ' record-choice-current' : ''}`}
            aria-current={i === selected ? 'true' : undefined} onClick={() => onSelect(i)} onKeyDown={(e) => onKey(e, i)}
            data-testid={`record-choice-${i}`}>
            <span class="rc-date">{r.date || 'undated'}</span>
            <span class="rc-title">{r.title || r.source_name || `Record ${i + 1}`}</span>
            <span class="rc-sender muted">{r.sender || 'sender not stated'}</span>
            <span class="rc-pages muted">
              {r.pages} {r.pages === 1 ? 'page' : 'pages'}
              {isPdf(r) ? ' · PDF' : ''}
            </span>
            {hitsByRecord[i] ? <span class="badge badge-hits" data-testid={`record-hits-${i}`}>{hitsByRecord[i]} hits</span> : null}
          </button>
        </div>
      ))}
    </div>
  );
}

/**
 * `target`: what to show — {record (index), range: {start, end} in the record's text (JS indices),
 * text (the evidence sentence), key}. `control`: an object this pane fills with focusSearch(),
 * nextHit(dir) and focusList() for the page's keyboard shortcuts.
 */
export function RecordsPane({ caseId, records, texts, target, control }) {
  const [selected, setSelected] = useState(0);
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const [current, setCurrent] = useState(-1);
  const [pageView, setPageView] = useState({}); // record index -> true (pages) | false (text); PDFs default to pages
  const [paneWidth, setPaneWidth] = useState(600);
  const [focus, setFocus] = useState('evidence'); // what was asked for last: the evidence or a search hit
  const searchRef = useRef(null);
  const listRef = useRef(null);
  const viewerRef = useRef(null);

  useLayoutEffect(() => {
    if (viewerRef.current) setPaneWidth(viewerRef.current.clientWidth || 600);
  }, []);

  const loadedTexts = useMemo(
    () => records.map((r, i) => ({ record: i, text: texts[r.id]?.text ?? null })),
    [records, texts],
  );
  const hits = useMemo(() => (applied ? searchRecords(loadedTexts, applied) : []), [applied, loadedTexts]);
  const hitsByRecord = useMemo(() => {
    const m = {};
    hits.forEach((h) => (m[h.record] = (m[h.record] || 0) + 1));
    return m;
  }, [hits]);
  const hit = current >= 0 ? hits[current] : null;

  // An evidence target selects its record.
  useEffect(() => {
    if (target && target.record >= 0) {
      setSelected(target.record);
      setFocus('evidence');
    }
  }, [target?.key]);

  const goHit = (i) => {
    if (hits.length === 0) return;
    const k = ((i % hits.length) + hits.length) % hits.length;
    setCurrent(k);
    setSelected(hits[k].record);
    setFocus('hit');
  };

  control.focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  control.nextHit = (dir) => goHit(current + dir);
  control.focusList = () => listRef.current?.querySelector('button.record-choice[aria-current]')?.focus();

  const runSearch = (e) => {
    e?.preventDefault();
    setApplied(query.trim());
    setCurrent(-1);
  };
  useEffect(() => {
    if (applied && hits.length) goHit(0);
  }, [applied, hits.length]);

  const record = records[selected];
  const loaded = record ? texts[record.id] : null;
  const text = loaded?.text ?? null;
  const evidence = target && target.record === selected && text != null ? target.range : null;
  const recordHits = hits.filter((h) => h.record === selected);
  const showPages = isPdf(record) && pageView[selected] !== false;

  // What the PDF view highlights: the evidence sentence, else the current search hit.
  let pdfHighlight = null;
  if (showPages && text != null) {
    if (evidence && (focus === 'evidence' || !hit || hit.record !== selected)) {
      pdfHighlight = { page: pageAt(text, evidence.start), text: target.text, key: `e-${target.key}`, kind: 'evidence' };
    } else if (hit && hit.record === selected) {
      pdfHighlight = { page: pageAt(text, hit.start), text: text.slice(hit.start, hit.end), key: `h-${current}-${applied}`, kind: 'hit' };
    }
  }

  // Scroll the marked evidence (or the current hit) into view in the text.
  useLayoutEffect(() => {
    if (showPages) return;
    scrollIntoPane(viewerRef.current?.querySelector('mark[data-current="true"]'));
  }, [target?.key, current, selected, text != null, showPages, focus]);

  return (
    <div class="records-pane-inner">
      <form class="record-search" role="search" onSubmit={runSearch} data-testid="record-search-form">
        <label for="record-search" class="sr-only">Search all records</label>
        <input id="record-search" ref={searchRef} type="search" placeholder="Search all records (/)" value={query}
          onInput={(e) => setQuery(e.currentTarget.value)} data-testid="record-search"
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }} />
        <button type="submit" data-testid="record-search-go">Search</button>
        <button type="button" disabled={hits.length === 0} onClick={() => goHit(current - 1)} aria-label="Previous hit (N)">↑</button>
        <button type="button" disabled={hits.length === 0} onClick={() => goHit(current + 1)} aria-label="Next hit (n)">↓</button>
        <span class="small muted" role="status" data-testid="search-count">
          {applied
            ? hits.length
              ? `Hit ${current + 1} of ${hits.length} in ${Object.keys(hitsByRecord).length} record${Object.keys(hitsByRecord).length === 1 ? '' : 's'}`
              : `No hits for “${applied}”`
            : ''}
        </span>
      </form>
      {applied && hits.length > 0 && (
        <details class="hit-list" data-testid="hit-list">
          <summary>All hits ({hits.length})</summary>
          <ol>
            {hits.slice(0, 200).map((h, i) => {
              const t = loadedTexts[h.record].text;
              const s = snippet(t, h.start, h.end);
              return (
                <li key={i}>
                  <button type="button" class="link-button" onClick={() => goHit(i)} data-testid={`hit-${i}`}>
                    {records[h.record].title || `Record ${h.record + 1}`}
                  </button>{' '}
                  <span class="small">
                    {s.before}
                    <strong>{s.match}</strong>
                    {s.after}
                  </span>
                </li>
              );
            })}
          </ol>
        </details>
      )}
      <RecordList records={records} selected={selected} onSelect={setSelected} hitsByRecord={hitsByRecord} listRef={listRef} />
      <div class="record-viewer" ref={viewerRef} tabIndex={0} data-scroll-pane aria-label="The record being read" data-testid="records-pane">
        {!record && <p class="muted">No records yet.</p>}
        {record && (
          <section class={`record${evidence ? ' record-active' : ''}`} data-testid={`record-${selected}`}
            aria-labelledby="record-title">
            <h3 id="record-title">
              <span class="muted">Record {selected + 1} of {records.length}.</span> {record.title || record.source_name}
            </h3>
            <p class="meta">
              <span>Dated {record.date || '—'}</span>
              <span>From {record.sender || '—'}</span>
              <span>{record.pages} {record.pages === 1 ? 'page' : 'pages'}</span>
              {record.received_at && <span>Received {when(record.received_at)}</span>}
              {isPdf(record) && (
                <>
                  <button type="button" class="link-button" onClick={() => setPageView({ ...pageView, [selected]: !showPages })}
                    data-testid="toggle-pdf-view">
                    {showPages ? 'Show the extracted text' : 'Show the PDF pages'}
                  </button>
                  <a href={`${casePath(caseId)}/records/${encodeURIComponent(record.id)}/content`} target="_blank"
                    rel="noopener" data-testid={`record-pdf-${selected}`}>
                    Open the PDF alone
                  </a>
                </>
              )}
            </p>
            {!loaded && <p role="status" class="muted">Loading text…</p>}
            {loaded?.error && <ErrorBox error={loaded.error} />}
            {showPages && (
              <PdfRecord url={`${casePath(caseId)}/records/${encodeURIComponent(record.id)}/content`} highlight={pdfHighlight}
                width={paneWidth} testid={`pdf-${selected}`} />
            )}
            {!showPages && text != null && (
              <pre class="record-text" data-testid={`record-text-${selected}`}>
                <Marked text={text} ranges={rangesFor(evidence, recordHits, hit, focus)} />
              </pre>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
