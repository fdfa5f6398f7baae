import { useEffect, useState, useRef } from 'preact/hooks';
import { get, post, casePath, ApiError } from '../api.js';
import { CaseTable, ErrorBox, Ok, byDue } from '../components/common.jsx';
import { ApplicationForm } from '../intake/ApplicationForm.jsx';
import { applicationFromForm, blankApplication, formFromApplication } from '../intake/application.js';
import { statusLabel } from '../labels.js';

function EligibilityResult({ result }) {
  const f = result.eligibility || {};
  return (
    <div class={`card result ${f.eligible ? 'result-ok' : 'result-bad'}`} data-testid="create-result" role="status">
      <p>
        Case <a href={`#/case/${result.case_id}`} data-testid="created-case-id">{result.case_id}</a>
        {result.created ? ' created' : result.consolidated ? ' (consolidated into an existing case)' : result.already_stored ? ' (this application was already stored)' : ''}.
      </p>
      {f.eligible ? (
        <p data-testid="eligibility">
          <span aria-hidden="true">✓ </span>
          <strong>Eligible</strong> for independent medical review.
          {f.filing_deadline && <span> Filing deadline {f.filing_deadline}.</span>}
        </p>
      ) : (
        <div data-testid="eligibility">
          <p>
            <span aria-hidden="true">✗ </span>
            <strong>Not eligible.</strong> Reasons:
          </p>
          <ul>
            {(f.reasons || []).map((r) => (
              <li data-testid="ineligible-reason">
                {r.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function CreateCase({ onCreated }) {
  const [form, setForm] = useState(blankApplication);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState(null);
  const [results, setResults] = useState([]);
  const [busy, setBusy] = useState(false);

  const onFile = async (e) => {
    const f = e.currentTarget.files?.[0];
    if (!f) return;
    setError(null);
    try {
      setForm(formFromApplication(JSON.parse(await f.text())));
      setFileName(f.name);
    } catch (err) {
      setError(`${f.name} is not an application in JSON: ${err.message}`);
    }
  };

  const create = async (apps) => {
    setError(null);
    setResults([]);
    setBusy(true);
    const done = [];
    try {
      for (const app of apps) {
        const r = await post('/api/cases', app);
        done.push(r);
        onCreated(r);
      }
    } catch (err) {
      setError(err);
    } finally {
      setResults(done);
      setBusy(false);
    }
  };

  const submitForm = (e) => {
    e.preventDefault();
    create([applicationFromForm(form)]);
  };
  const submitJson = (e) => {
    e.preventDefault();
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      setError(`The pasted text is not valid JSON: ${err.message}`);
      return;
    }
    create(Array.isArray(parsed) ? parsed : [parsed]);
  };

  return (
    <section class="card" aria-labelledby="create-title" data-testid="create-form">
      <h2 id="create-title">New application</h2>
      <form onSubmit={submitForm} noValidate>
        <label for="app-file">Fill the form from an application file (.json), or type it in</label>
        <input id="app-file" type="file" accept=".json,application/json" onChange={onFile} data-testid="app-file" />
        {fileName && <p class="small muted" data-testid="app-file-loaded">Filled from {fileName}; check it before creating the case.</p>}
        <ApplicationForm form={form} setForm={setForm} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy} data-testid="create-submit">
            {busy ? 'Creating…' : 'Create case'}
          </button>
          <button type="button" onClick={() => { setForm(blankApplication()); setFileName(''); }} data-testid="app-clear">
            Clear the form
          </button>
        </div>
      </form>
      <details class="bulk">
        <summary>Paste JSON (one application, or a list of them)</summary>
        <form onSubmit={submitJson}>
          <label for="app-json" class="sr-only">Applications as JSON</label>
          <textarea id="app-json" rows={8} class="mono" value={text} onInput={(e) => setText(e.currentTarget.value)}
            placeholder='{"application_id": "…", "received": "YYYY-MM-DD", …} or [{…}, {…}]' data-testid="app-json" />
          <button type="submit" disabled={busy || !text.trim()} data-testid="create-json-submit">Create from JSON</button>
        </form>
      </details>
      <ErrorBox error={error} testid="create-error" />
      {results.map((r) => (
        <EligibilityResult result={r} />
      ))}
    </section>
  );
}

function AssignmentView({ a }) {
  return (
    <div class="assignment" data-testid="assign-result">
      <p>
        {a.reviewer_id ? (
          <>
            Assigned to <strong data-testid="assigned-reviewer">{a.reviewer_id}</strong>.
          </>
        ) : (
          <strong>No reviewer fits.</strong>
        )}
      </p>
      {a.explanation && <p class="small" data-testid="assign-explanation">{a.explanation}</p>}
      {(a.required_specialties || []).length > 0 && (
        <p class="small">Required specialties: {a.required_specialties.join(', ')}</p>
      )}
      {(a.excluded || []).length > 0 && (
        <details data-testid="assign-excluded">
          <summary>Excluded reviewers ({a.excluded.length})</summary>
          <table class="grid compact">
            <thead>
              <tr>
                <th scope="col">Reviewer</th>
                <th scope="col">Why excluded</th>
              </tr>
            </thead>
            <tbody>
              {a.excluded.map((x) => (
                <tr>
                  <td class="nowrap">{x.reviewer_id}</td>
                  <td>{(x.reasons || []).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}

/** Assigning by hand when no reviewer fits (or intake decides otherwise): a reviewer from the
 * registry and the reason, both audited. */
function AssignByHand({ caseId, onAssigned, run, busy }) {
  const [reviewers, setReviewers] = useState(null);
  const [error, setError] = useState(null);
  const [reviewer, setReviewer] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    get('/api/reviewers').then((r) => setReviewers((r.reviewers || []).filter((x) => x.active !== false)), setError);
  }, []);
  const submit = (e) => {
    e.preventDefault();
    if (!reviewer || !reason.trim()) {
      setError('Choose the reviewer and give the reason for assigning by hand.');
      return;
    }
    setError(null);
    run('by-hand', async () => {
      const a = await post(`${casePath(caseId)}/assign-by-hand`, { reviewer_id: reviewer, reason: reason.trim() });
      onAssigned(a);
    });
  };
  return (
    <form class="by-hand" onSubmit={submit} data-testid="assign-by-hand-form">
      <h4 class="sub">Assign by hand</h4>
      <label for="by-hand-reviewer">Reviewer</label>
      <select id="by-hand-reviewer" value={reviewer} onChange={(e) => setReviewer(e.currentTarget.value)} data-testid="by-hand-reviewer">
        <option value="">Choose a reviewer…</option>
        {(reviewers || []).map((r) => (
          <option value={r.id}>
            {r.name} — {(r.specialties || []).join(', ')} ({r.id})
          </option>
        ))}
      </select>
      <label for="by-hand-reason">Why this reviewer (kept in the audit trail)</label>
      <textarea id="by-hand-reason" rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)}
        data-testid="by-hand-reason" />
      <button type="submit" disabled={!!busy} data-testid="by-hand-submit">
        {busy === 'by-hand' ? 'Assigning…' : 'Assign by hand'}
      </button>
      <ErrorBox error={error} testid="by-hand-error" />
    </form>
  );
}

/** Actions on one open case: assign, notice, records, records complete. */
function CaseActions({ caseId, onChanged }) {
  const [view, setView] = useState(null);
  const [msg, setMsg] = useState(null);
  const [error, setError] = useState(null);
  const [assignment, setAssignment] = useState(null);
  const [method, setMethod] = useState('electronic');
  const [busy, setBusy] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [sender, setSender] = useState('');
  const [dragging, setDragging] = useState(false);
  const fileRef = useRef(null);

  const refresh = () =>
    get(casePath(caseId))
      .then((v) => {
        setView(v);
        if (v.assignment && !assignment) setAssignment(v.assignment);
      })
      .catch(setError);
  const headRef = useRef(null);
  useEffect(() => {
    headRef.current?.focus();
    setView(null);
    setAssignment(null);
    setMsg(null);
    setError(null);
    refresh();
  }, [caseId]);

  const run = async (label, fn) => {
    setBusy(label);
    setMsg(null);
    setError(null);
    try {
      await fn();
      await refresh();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy('');
    }
  };

  const notice = () =>
    run('notice', async () => {
      await post(`${casePath(caseId)}/notice`, { method });
      setMsg(`Notice sent (${method}).`);
    });
  const assign = () =>
    run('assign', async () => {
      try {
        const a = await post(`${casePath(caseId)}/assign`, {});
        setAssignment(a);
        setMsg(a.reviewer_id ? `Assigned to ${a.reviewer_id}.` : 'No reviewer fits.');
      } catch (e) {
        // 409 refused may carry the reasons (the assignment result) in the body.
        const body = e instanceof ApiError && e.body && typeof e.body === 'object' ? e.body : null;
        // The server sends the AssignmentResult fields beside "error".
        const details = body && (body.excluded || body.explanation) ? body : body?.assignment || null;
        if (details) {
          setAssignment({ ...details, reviewer_id: null });
          setMsg(null);
          setError('No reviewer in the registry fits this case. Assign one by hand below, with the reason.');
          return;
        }
        throw e;
      }
    });
  const complete = () =>
    run('complete', async () => {
      await post(`${casePath(caseId)}/records-complete`, {});
      setMsg('Records marked complete: the case goes to review.');
    });
  const upload = (e) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError('Choose a record file (text or PDF) first.');
      return;
    }
    run('upload', async () => {
      const fd = new FormData();
      fd.append('file', file, file.name);
      fd.append('title', title);
      fd.append('date', date);
      fd.append('sender', sender);
      const r = await post(`${casePath(caseId)}/records`, fd);
      setMsg(`Record ${r.record_id} uploaded.`);
      setTitle('');
      setDate('');
      setSender('');
      if (fileRef.current) fileRef.current.value = '';
    });
  };

  return (
    <section class="card case-actions" aria-labelledby="actions-title" data-testid="case-actions">
      <h2 id="actions-title" tabIndex={-1} ref={headRef}>
        Case <a href={`#/case/${caseId}`}>{caseId}</a>
        {view && <span class="muted small"> · {statusLabel(view.status).toLowerCase()} · reviewer {view.reviewer_id || '—'} · {view.records?.length || 0} record(s)</span>}
      </h2>
      <div aria-live="polite">
        {msg && <Ok testid="action-ok">{msg}</Ok>}
      </div>
      <ErrorBox error={error} testid="action-error" />
      <div class="action-grid">
        <div class="action">
          <h3 class="sub">1. Reviewer</h3>
          <button type="button" onClick={assign} disabled={!!busy} data-testid="assign">
            {busy === 'assign' ? 'Assigning…' : 'Assign reviewer'}
          </button>
          {assignment && <AssignmentView a={assignment} />}
          {(view?.no_reviewer_fits || (assignment && !assignment.reviewer_id)) && view?.status !== 'in_review' && (
            <AssignByHand caseId={caseId} run={run} busy={busy}
              onAssigned={(a) => {
                setAssignment(a);
                setMsg(`Assigned to ${a.reviewer_id} by hand.`);
              }} />
          )}
        </div>
        <div class="action">
          <h3 class="sub">2. Notice of assignment</h3>
          <label for="notice-method">Method</label>
          <select id="notice-method" value={method} onChange={(e) => setMethod(e.currentTarget.value)} data-testid="notice-method">
            <option value="electronic">electronic</option>
            <option value="mail">mail</option>
          </select>
          <button type="button" onClick={notice} disabled={!!busy} data-testid="send-notice">
            {busy === 'notice' ? 'Sending…' : 'Send notice'}
          </button>
        </div>
        <form class={`action${dragging ? ' drop-target' : ''}`} onSubmit={upload} data-testid="upload-form"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (e.dataTransfer?.files?.length && fileRef.current) {
              fileRef.current.files = e.dataTransfer.files;
              setMsg(`${e.dataTransfer.files[0].name} ready to upload.`);
            }
          }}>
          <h3 class="sub">3. Upload a record</h3>
          <label for="rec-file">File (text or PDF) — or drop it here</label>
          <input id="rec-file" type="file" ref={fileRef} accept=".txt,.pdf,text/plain,application/pdf" data-testid="record-file" />
          <label for="rec-title">Title</label>
          <input id="rec-title" value={title} required onInput={(e) => setTitle(e.currentTarget.value)} data-testid="record-title" />
          <label for="rec-date">Date</label>
          <input id="rec-date" type="date" value={date} required onInput={(e) => setDate(e.currentTarget.value)} data-testid="record-date" />
          <label for="rec-sender">Sender</label>
          <input id="rec-sender" value={sender} required onInput={(e) => setSender(e.currentTarget.value)} data-testid="record-sender" />
          <button type="submit" disabled={!!busy} data-testid="upload-record">
            {busy === 'upload' ? 'Uploading…' : 'Upload record'}
          </button>
          {view && view.records?.length > 0 && (
            <ul class="small plain" data-testid="record-list">
              {view.records.map((r) => (
                <li>
                  {r.title} · {r.date} · {r.sender}
                </li>
              ))}
            </ul>
          )}
        </form>
        <div class="action">
          <h3 class="sub">4. Records complete</h3>
          <p class="small muted">When every record is in: the case goes to the reviewer.</p>
          <button type="button" onClick={complete} disabled={!!busy} data-testid="records-complete">
            {busy === 'complete' ? 'Saving…' : 'Records complete'}
          </button>
        </div>
      </div>
    </section>
  );
}

export function Intake() {
  const [dash, setDash] = useState(null);
  const [error, setError] = useState(null);
  const [selected, setSelected] = useState(null);

  const load = () =>
    get('/api/dashboard')
      .then((d) => setDash({ ...d, cases: [...(d.cases || [])].sort(byDue) }))
      .catch(setError);
  useEffect(() => {
    load();
  }, []);

  const onCreated = (r) => {
    load();
    if (r.case_id && r.eligibility?.eligible) setSelected(r.case_id);
  };

  return (
    <section class="page intake-page" aria-labelledby="intake-title">
      <h1 id="intake-title">Intake</h1>
      <div class="intake-layout">
        <div>
          <CreateCase onCreated={onCreated} />
        </div>
        <div>
          {selected ? (
            <CaseActions key={selected} caseId={selected} onChanged={load} />
          ) : (
            <p class="card muted" data-testid="actions-hint">
              Create a case, or choose <strong>Manage</strong> on an open case below, to assign a reviewer, send the
              notice, upload records and mark the records complete.
            </p>
          )}
        </div>
      </div>
      <section aria-labelledby="open-title">
        <div class="page-head">
          <h2 id="open-title">Open cases</h2>
          <button type="button" onClick={load} data-testid="dashboard-reload">Reload</button>
        </div>
        <ErrorBox error={error} />
        {dash && (
          <CaseTable cases={dash.cases} showReviewer testid="intake-cases"
            actions={(c) => (
              <button type="button" onClick={() => setSelected(c.case_id)} aria-pressed={selected === c.case_id ? 'true' : 'false'}
                data-testid={`manage-${c.case_id}`}>
                Manage
              </button>
            )} />
        )}
      </section>
    </section>
  );
}
