// Scrolling an element into view inside its pane only (the nearest ancestor marked
// data-scroll-pane), so the page itself never moves under the reviewer: Element.scrollIntoView
// scrolls every scrollable ancestor, the window included.

/** block: 'center' (the element in the middle of the pane) or 'nearest' (only as far as needed). */
export function scrollIntoPane(el, block = 'center') {
  if (!el) return;
  const pane = el.closest('[data-scroll-pane]');
  if (!pane) return;
  const r = el.getBoundingClientRect();
  const p = pane.getBoundingClientRect();
  if (block === 'nearest') {
    if (r.top < p.top) pane.scrollTop += r.top - p.top - 8;
    else if (r.bottom > p.bottom) pane.scrollTop += Math.min(r.bottom - p.bottom + 8, r.top - p.top - 8);
  } else {
    pane.scrollTop += r.top + r.height / 2 - (p.top + p.height / 2);
  }
}
