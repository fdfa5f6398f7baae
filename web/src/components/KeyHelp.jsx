// The keyboard help overlay (?), listing a page's keys; Escape or ? closes it.
import { useEffect, useRef } from 'preact/hooks';

export function KeyHelp({ keys, onClose, title = 'Keyboard shortcuts' }) {
  const box = useRef(null);
  useEffect(() => {
    const previous = document.activeElement;
    box.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div class="overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="dialog key-help" role="dialog" aria-modal="true" aria-labelledby="key-help-title" tabIndex={-1} ref={box}
        data-testid="key-help"
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}>
        <h2 id="key-help-title">{title}</h2>
        <table class="grid compact">
          <tbody>
            {keys.map(([k, what]) => (
              <tr>
                <th scope="row" class="nowrap">
                  {k.split(' / ').map((one, i) => (
                    <>
                      {i > 0 && ' / '}
                      <kbd>{one}</kbd>
                    </>
                  ))}
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="small muted">Keys do nothing while you type in a field; Escape leaves the field.</p>
        <button type="button" onClick={onClose} data-testid="key-help-close">Close</button>
      </div>
    </div>
  );
}

/** True when a key event comes from a place where typing happens (keys are letters there). */
export function typing(e) {
  const t = e.target;
  if (!t || !t.tagName) return false;
  const tag = t.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !['radio', 'checkbox', 'button', 'submit'].includes((t.type || '').toLowerCase());
  return !!t.isContentEditable;
}
