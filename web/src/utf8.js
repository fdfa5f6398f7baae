// Evidence offsets from the engine are BYTE offsets into the UTF-8 text of a record.
// JS strings are UTF-16, so slice the encoded bytes and decode each part.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/**
 * Split `text` at UTF-8 byte offsets [start, end) → {before, match, after} (strings), or null when
 * the range does not fit the text.
 */
export function splitAtBytes(text, start, end) {
  const bytes = encoder.encode(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > bytes.length) {
    return null;
  }
  return {
    before: decoder.decode(bytes.subarray(0, start)),
    match: decoder.decode(bytes.subarray(start, end)),
    after: decoder.decode(bytes.subarray(end)),
  };
}

/**
 * The part of `text` to highlight for an evidence span: the byte slice when it fits; otherwise
 * (offsets into another text, e.g. the application for record -1) the first occurrence of the
 * evidence's own quoted text; otherwise null.
 */
export function locateEvidence(text, ev) {
  if (!text || !ev) return null;
  const byBytes = splitAtBytes(text, ev.start, ev.end);
  if (byBytes && (!ev.text || byBytes.match === ev.text || byBytes.match.trim() === ev.text.trim())) return byBytes;
  if (ev.text) {
    const at = text.indexOf(ev.text);
    if (at >= 0) {
      return { before: text.slice(0, at), match: ev.text, after: text.slice(at + ev.text.length) };
    }
  }
  return byBytes;
}

export function byteLength(text) {
  return encoder.encode(text).length;
}

/** The evidence span as JS string indices {start, end} in `text` (see locateEvidence), or null. */
export function evidenceRange(text, ev) {
  const at = locateEvidence(text, ev);
  if (!at) return null;
  return { start: at.before.length, end: at.before.length + at.match.length };
}
