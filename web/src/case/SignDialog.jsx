// Signing: the letter exactly as it will go out (the server's preview, wrapped to this panel),
// what differs from the engine's draft (the changes in words and the letter text marked), what
// still stands in the way, and the attestation. The signature names the previewed letter's hash,
// so the server refuses it if the letter changed after the preview.
import { useEffect, useRef, useState } from 'preact/hooks';
import { diffWords } from 'diff';
import { casePath, get, post } from '../api.js';
import { ErrorBox } from '../components/common.jsx';
import { decisionLabel } from '../labels.js';
import { scrollIntoPane } from '../scroll.js';

const CHANGE_WHAT = {
  decision: 'Decision',
  rationale: 'Rationale',
  citations: 'Citations',
  criterion: 'Disagreed with',
  summary: 'Case summary',
};

function changeText(c) {
  const where = c.item ? `Item ${c.item}` : 'The letter';
  switch (c.what) {
    case 'decision':
      return `${where}: ${decisionLabel(c.from).toLowerCase()} → ${decisionLabel(c.to).toLowerCase()}`;
    case 'criterion':
      return `${where}: “${c.title}” — ${c.note}`;
    default:
      return `${where}: rewritten`;
  }
}

/** The letter with what differs from the engine's draft marked (inserted) and struck (removed). */
function LetterDiff({ engine, text }) {
  const parts = diffWords(engine, text);
  return (
    <pre class="letter-text letter-diff" data-testid="preview-diff" tabIndex={0} data-scroll-pane>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} data-testid="diff-ins">{p.value}</ins>
        ) : p.removed ? (
          <del key={i}>{p.value}</del>
        ) : (
          p.value
        ),
      )}
    </pre>
  );
}

export function SignDialog({ caseId, version, onClose, onSigned }) {
  const [preview, setPreview] = useState(null);
  const [error, setError] = useState(null);
  const [attest, setAttest] = useState(false);
  const [busy, setBusy] = useState(false);
  const [showDiff, setShowDiff] = useState(true);
  const box = useRef(null);

  useEffect(() => {
    const previous = document.activeElement;
    box.current?.focus();
    get(`${casePath(caseId)}/preview`).then(setPreview, setError);
    return () => previous?.focus?.();
  }, []);

  const sign = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await post(`${casePath(caseId)}/sign`, {
        version: version(),
        attestation: attest,
        letter_sha256: preview.letter_sha256,
      });
      onSigned(r);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // The first difference in view when the letter opens.
  useEffect(() => {
    if (preview) scrollIntoPane(box.current?.querySelector('[data-testid=diff-ins]'));
  }, [preview]);

  const blocking = preview?.blocking || [];
  const changes = preview?.changes || [];
  return (
    <div class="overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="dialog sign-dialog" role="dialog" aria-modal="true" aria-labelledby="sign-title" tabIndex={-1} ref={box}
        data-testid="sign-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}>
        <h2 id="sign-title">The letter as it will go out</h2>
        {!preview && !error && <p role="status">Preparing the letter…</p>}
        {preview && (
          <>
            {blocking.length > 0 ? (
              <div class="msg msg-error" role="alert" data-testid="sign-blocking">
                <strong>Not ready to sign:</strong>
                <ul>
                  {blocking.map((b) => (
                    <li>{b}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <section aria-labelledby="changes-title" data-testid="preview-changes">
              <h3 id="changes-title" class="sub">What differs from the engine’s draft</h3>
              {changes.length === 0 ? (
                <p class="small" data-testid="no-changes">
                  Nothing: you accepted every decision, rationale and citation as the engine drafted them.
                </p>
              ) : (
                <ul class="small">
                  {changes.map((c) => (
                    <li data-testid="preview-change">
                      <strong>{CHANGE_WHAT[c.what] || c.what}.</strong> {changeText(c)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <div class="preview-toggle small">
              <label>
                <input type="checkbox" checked={showDiff} onChange={(e) => setShowDiff(e.currentTarget.checked)}
                  data-testid="show-diff" />{' '}
                Mark what differs from the engine’s draft letter
              </label>
            </div>
            {showDiff ? (
              <LetterDiff engine={preview.engine_unwrapped} text={preview.unwrapped} />
            ) : (
              <pre class="letter-text" data-testid="preview-letter" tabIndex={0}>{preview.unwrapped}</pre>
            )}
            <label class="attest" data-testid="attest-label">
              <input type="checkbox" checked={attest} disabled={blocking.length > 0}
                onChange={(e) => setAttest(e.currentTarget.checked)} data-testid="attest" />{' '}
              {preview.attestation}
            </label>
          </>
        )}
        <ErrorBox error={error} testid="sign-error" />
        <div class="form-actions">
          <button type="button" class="primary" disabled={!preview || blocking.length > 0 || !attest || busy} onClick={sign}
            data-testid="sign-confirm">
            {busy ? 'Signing…' : 'Sign the determination'}
          </button>
          <button type="button" onClick={onClose} data-testid="sign-cancel">Back to the case</button>
        </div>
      </div>
    </div>
  );
}
