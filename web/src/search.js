// Search across a case's records: every occurrence of a phrase, ignoring case and treating any
// run of whitespace (line breaks, page breaks) as one space, so a phrase found on screen is found
// however the record wraps it.

const MAX_HITS = 2000;

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A RegExp for `phrase` (null for a blank one). */
export function phrasePattern(phrase) {
  const words = (phrase || '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return new RegExp(words.map(escapeRegExp).join('\\s+'), 'gi');
}

/**
 * Every hit of `phrase` in `texts` (an array of {record, text}), in record order:
 * [{record, start, end}] (JS string indices), at most MAX_HITS.
 */
export function searchRecords(texts, phrase) {
  const re = phrasePattern(phrase);
  if (!re) return [];
  const hits = [];
  for (const { record, text } of texts) {
    if (!text) continue;
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(text)) && hits.length < MAX_HITS) {
      hits.push({ record, start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return hits;
}

/** A snippet of `text` around [start, end): {before, match, after}, on one line. */
export function snippet(text, start, end, context = 60) {
  const flat = (s) => s.replace(/\s+/g, ' ');
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  return {
    before: (from > 0 ? '…' : '') + flat(text.slice(from, start)),
    match: flat(text.slice(start, end)),
    after: flat(text.slice(end, to)) + (to < text.length ? '…' : ''),
  };
}

/** The page (0-based) an index of a PDF's extracted text is on: pages are separated by form feeds. */
export function pageAt(text, index) {
  let page = 0;
  for (let i = text.indexOf('\f'); i >= 0 && i < index; i = text.indexOf('\f', i + 1)) page++;
  return page;
}
