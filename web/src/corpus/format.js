// The decision corpus's figures and texts as the workbench shows them (pure: the node tests
// run them without a browser).

/** A snippet with the words found marked «so» → [{text, mark}] (marks never nest). */
export function snippetParts(snippet) {
  const parts = [];
  const text = snippet || '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('«', at);
    if (open < 0) break;
    const close = text.indexOf('»', open + 1);
    if (close < 0) break;
    if (open > at) parts.push({ text: text.slice(at, open), mark: false });
    if (close > open + 1) parts.push({ text: text.slice(open + 1, close), mark: true });
    at = close + 1;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

const tenths = (x) => (Math.round((x || 0) * 1000) / 10).toFixed(1);

/** 0.1234 → '12.3%' */
export function percent(x) {
  return `${tenths(x)}%`;
}

/** An interval in percent: '5.5–17.4%'. */
export function intervalText(r) {
  return `${tenths(r.low)}–${tenths(r.high)}%`;
}

/** A rate {items, overturned, rate, low, high} in words: '12.3% (8.1–18.0%)', or '—' for no items. */
export function rateText(r) {
  if (!r || !r.items) return '—';
  return `${percent(r.rate)} (${intervalText(r)})`;
}

/** 'overturned 12 of 97 (12.4%; 95% interval 7.2–20.3%)' — the counts and the interval together. */
export function rateSentence(r) {
  if (!r || !r.items) return 'no past decisions on this kind of request';
  return `overturned ${r.overturned} of ${r.items} (${percent(r.rate)}; 95% interval ${intervalText(r)})`;
}

/** An identifier the corpus uses ('lumbar_spine', 'imaging_mri') in words. */
export function idLabel(id) {
  if (!id) return '(none)';
  return String(id).replace(/_/g, ' ');
}

/** The filters of the Corpus page as the API's query (empty values left out, in a fixed order). */
export const FILTERS = ['q', 'category', 'region', 'drug', 'decision', 'specialty', 'guideline', 'section', 'priority',
  'from', 'to', 'year'];

export function corpusQuery(filters, extra = {}) {
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = (filters[name] ?? '').toString().trim();
    if (v) p.set(name, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  return p.toString();
}

/** '21–40 of 97' for a page of search results. */
export function pageText(offset, shown, total) {
  if (!total) return 'No items';
  if (!shown) return `None here of ${total}`;
  return `${offset + 1}–${offset + shown} of ${total}`;
}
