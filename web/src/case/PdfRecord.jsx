// An uploaded PDF record shown as its pages (pdf.js, bundled by Vite from npm; the worker is
// served from /assets like the rest of the app). Pages are drawn when they scroll into view, so
// a record of hundreds of pages opens at once. A highlight names a page and a text (the evidence
// sentence, or a search hit): the page is drawn, the text found among the page's text items
// (ignoring case and whitespace, as pdftotext and pdf.js space text differently) and marked.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { scrollIntoPane } from '../scroll.js';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const strip = (s) => s.replace(/\s+/g, '').toLowerCase();

/** Where `needle` is among a page's text items: [{item, from, to}] (UTF-16 offsets in item.str). */
export function findInItems(items, needle) {
  let joined = '';
  const owner = [];
  const offset = [];
  items.forEach((it, i) => {
    if (typeof it.str !== 'string') return;
    for (let k = 0; k < it.str.length; k++) {
      const ch = it.str[k];
      if (/\s/.test(ch)) continue;
      joined += ch.toLowerCase();
      owner.push(i);
      offset.push(k);
    }
  });
  // The whole text, else its longest leading run of words that is on the page (text extraction
  // differs at ligatures and hyphens), down to three words.
  const words = needle.trim().split(/\s+/);
  for (let n = words.length; n >= Math.min(3, words.length); n--) {
    const target = strip(words.slice(0, n).join(' '));
    if (!target) break;
    const at = joined.indexOf(target);
    if (at < 0) continue;
    const spans = new Map();
    for (let j = at; j < at + target.length; j++) {
      const s = spans.get(owner[j]) || { item: owner[j], from: offset[j], to: offset[j] + 1 };
      s.from = Math.min(s.from, offset[j]);
      s.to = Math.max(s.to, offset[j] + 1);
      spans.set(owner[j], s);
    }
    return [...spans.values()];
  }
  return [];
}

/** Rectangles (CSS pixels in the page's viewport) for the spans findInItems returned. */
function rectsFor(items, spans, viewport) {
  return spans.map(({ item, from, to }) => {
    const it = items[item];
    const tx = pdfjs.Util.transform(viewport.transform, it.transform);
    const height = Math.hypot(tx[2], tx[3]);
    const width = it.width * viewport.scale;
    const len = Math.max(1, it.str.length);
    return {
      left: tx[4] + (width * from) / len,
      top: tx[5] - height,
      width: Math.max(2, (width * (to - from)) / len),
      height: height * 1.2,
    };
  });
}

function PdfPage({ doc, number, scale, size, marks, markKind, onVisible, testid }) {
  const holder = useRef(null);
  const canvas = useRef(null);
  const [drawn, setDrawn] = useState(false);
  const [error, setError] = useState(null);

  useEffect(() => {
    const el = holder.current;
    if (!el) return undefined;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onVisible(number), {
      rootMargin: '600px 0px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [number]);

  useEffect(() => {
    if (!size.visible || drawn) return undefined;
    let cancelled = false;
    let task = null;
    (async () => {
      try {
        const page = await doc.getPage(number);
        const viewport = page.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        const c = canvas.current;
        if (!c || cancelled) return;
        c.width = Math.floor(viewport.width * ratio);
        c.height = Math.floor(viewport.height * ratio);
        c.style.width = `${viewport.width}px`;
        c.style.height = `${viewport.height}px`;
        task = page.render({ canvas: c, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
        await task.promise;
        if (!cancelled) setDrawn(true);
      } catch (e) {
        if (!cancelled && e?.name !== 'RenderingCancelledException') setError(e);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [size.visible, drawn, scale]);

  return (
    <div class="pdf-page" ref={holder} data-testid={`${testid}-page-${number}`} data-drawn={drawn ? 'true' : 'false'}
      style={{ width: `${size.width}px`, height: `${size.height}px` }} aria-label={`Page ${number}`} role="group">
      <canvas ref={canvas} aria-hidden="true" />
      {!drawn && !error && <span class="pdf-loading muted small">Page {number}…</span>}
      {error && <span class="field-error small">Page {number} could not be drawn: {String(error.message || error)}</span>}
      {(marks || []).map((r, i) => (
        <mark class={`pdf-mark pdf-mark-${markKind}`} data-testid="pdf-mark" data-kind={markKind} data-first={i === 0 ? 'true' : undefined}
          style={{ left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` }} />
      ))}
      <span class="pdf-page-number muted small" aria-hidden="true">{number}</span>
    </div>
  );
}

/**
 * The pages of the PDF at `url`. `highlight`: {page (0-based), text, key, kind: 'evidence' | 'hit'}.
 * `width`: the width to fit the pages to.
 */
export function PdfRecord({ url, highlight, width, testid = 'pdf', onFound }) {
  const [doc, setDoc] = useState(null);
  const [error, setError] = useState(null);
  const [base, setBase] = useState(null); // page 1's size at scale 1
  const [visible, setVisible] = useState(() => new Set([1]));
  const [marks, setMarks] = useState(null); // {page (1-based), rects, kind, key, found}

  useEffect(() => {
    let cancelled = false;
    let loading = null;
    setDoc(null);
    setError(null);
    (async () => {
      try {
        loading = pdfjs.getDocument({ url, withCredentials: true, isEvalSupported: false });
        const d = await loading.promise;
        const first = await d.getPage(1);
        const vp = first.getViewport({ scale: 1 });
        if (cancelled) return;
        setBase({ width: vp.width, height: vp.height });
        setDoc(d);
      } catch (e) {
        if (!cancelled) setError(e);
      }
    })();
    return () => {
      cancelled = true;
      loading?.destroy();
    };
  }, [url]);

  const scale = base ? Math.max(0.5, Math.min(2, (width - 24) / base.width)) : 1;

  // The highlight: draw its page, find the text on it, mark it.
  useEffect(() => {
    if (!doc || !highlight) {
      setMarks(null);
      return undefined;
    }
    let cancelled = false;
    const number = Math.min(doc.numPages, Math.max(1, (highlight.page || 0) + 1));
    setVisible((v) => new Set([...v, number]));
    (async () => {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const viewport = page.getViewport({ scale });
      const spans = findInItems(content.items, highlight.text || '');
      if (cancelled) return;
      const rects = rectsFor(content.items, spans, viewport);
      setMarks({ page: number, rects, kind: highlight.kind || 'evidence', key: highlight.key, found: rects.length > 0 });
      onFound?.(rects.length > 0, number);
    })().catch((e) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [doc, highlight?.key, scale]);

  useLayoutEffect(() => {
    if (!marks) return;
    const el =
      document.querySelector(`[data-testid="${testid}-page-${marks.page}"] mark[data-first]`) ||
      document.querySelector(`[data-testid="${testid}-page-${marks.page}"]`);
    scrollIntoPane(el);
  }, [marks?.key, marks?.page]);

  if (error) return <p class="field-error" role="alert">The PDF could not be shown: {String(error.message || error)}</p>;
  if (!doc || !base) return <p class="muted" role="status">Opening the PDF…</p>;
  const size = { width: base.width * scale, height: base.height * scale };
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++)
    pages.push(
      <PdfPage key={n} doc={doc} number={n} scale={scale} testid={testid}
        size={{ ...size, visible: visible.has(n) }}
        marks={marks && marks.page === n ? marks.rects : null} markKind={marks?.kind}
        onVisible={(k) => setVisible((v) => (v.has(k) ? v : new Set([...v, k])))} />,
    );
  return (
    <div class="pdf-record" data-testid={testid} data-pages={doc.numPages}>
      {marks && !marks.found && (
        <p class="msg msg-info small" role="status">
          The text was not found on page {marks.page} of the PDF; the text view shows it.
        </p>
      )}
      {pages}
    </div>
  );
}
