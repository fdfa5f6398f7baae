// A new application as a form: the worker, the claim, the requesting physician and the
// utilization review with its disputed items (as many as needed). A file (.json) fills the form
// to check before creating; the raw JSON stays available for bulk work. The server validates
// and names any field it refuses.
import { blankItem } from './application.js';

function Field({ label, value, onInput, type = 'text', required, testid, wide }) {
  const id = `app-${testid}`;
  return (
    <div class={`field${wide ? ' field-wide' : ''}`}>
      <label for={id}>
        {label}
        {required && <span class="req"> *</span>}
      </label>
      <input id={id} type={type} value={value || ''} required={required} aria-required={required ? 'true' : undefined}
        onInput={(e) => onInput(e.currentTarget.value)} data-testid={`app-${testid}`} />
    </div>
  );
}

export function ApplicationForm({ form, setForm }) {
  const set = (path, value) => {
    const next = structuredClone(form);
    let o = next;
    for (let i = 0; i < path.length - 1; i++) o = o[path[i]];
    o[path[path.length - 1]] = value;
    setForm(next);
  };
  const f = form;
  const items = f.ur_decision.items;
  return (
    <div class="app-form" data-testid="app-form">
      <fieldset>
        <legend>Application</legend>
        <div class="field-grid">
          <Field label="Application number" value={f.application_id} required testid="application-id"
            onInput={(v) => set(['application_id'], v)} />
          <Field label="Received" type="date" value={f.received} required testid="received" onInput={(v) => set(['received'], v)} />
          <div class="field">
            <label>
              <input type="checkbox" checked={f.expedited} onChange={(e) => set(['expedited'], e.currentTarget.checked)}
                data-testid="app-expedited" />{' '}
              Expedited review requested
            </label>
            <label>
              <input type="checkbox" checked={f.signed} onChange={(e) => set(['signed'], e.currentTarget.checked)}
                data-testid="app-signed" />{' '}
              Signed, by{' '}
              <select value={f.signed_by} disabled={!f.signed} onChange={(e) => set(['signed_by'], e.currentTarget.value)}
                data-testid="app-signed-by" aria-label="Signed by">
                <option value="worker">the worker</option>
                <option value="representative">the representative</option>
              </select>
            </label>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Injured worker and claim</legend>
        <div class="field-grid">
          <Field label="Name" value={f.worker.name} required testid="worker-name" onInput={(v) => set(['worker', 'name'], v)} />
          <Field label="Date of birth" type="date" value={f.worker.date_of_birth} testid="worker-dob"
            onInput={(v) => set(['worker', 'date_of_birth'], v)} />
          <Field label="Address" value={f.worker.address} testid="worker-address" wide onInput={(v) => set(['worker', 'address'], v)} />
          <Field label="Claim number" value={f.claim_number} testid="claim-number" onInput={(v) => set(['claim_number'], v)} />
          <Field label="Date of injury" type="date" value={f.date_of_injury} testid="date-of-injury"
            onInput={(v) => set(['date_of_injury'], v)} />
          <Field label="Employer" value={f.employer.name} testid="employer" onInput={(v) => set(['employer', 'name'], v)} />
          <Field label="Claims administrator" value={f.claims_administrator.name} testid="claims-administrator"
            onInput={(v) => set(['claims_administrator', 'name'], v)} />
          <div class="field">
            <label>
              <input type="checkbox" checked={f.liability_disputed}
                onChange={(e) => set(['liability_disputed'], e.currentTarget.checked)} data-testid="app-liability" />{' '}
              Liability for the claim is disputed
            </label>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Requesting physician</legend>
        <div class="field-grid">
          <Field label="Name" value={f.requesting_physician.name} required testid="physician-name"
            onInput={(v) => set(['requesting_physician', 'name'], v)} />
          <Field label="Specialty" value={f.requesting_physician.specialty} testid="physician-specialty"
            onInput={(v) => set(['requesting_physician', 'specialty'], v)} />
          <Field label="Medical group" value={f.requesting_physician.medical_group} testid="physician-group"
            onInput={(v) => set(['requesting_physician', 'medical_group'], v)} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Utilization review decision</legend>
        <div class="field-grid">
          <Field label="Decision date" type="date" value={f.ur_decision.date} testid="ur-date" onInput={(v) => set(['ur_decision', 'date'], v)} />
          <Field label="Served" type="date" value={f.ur_decision.served} testid="ur-served"
            onInput={(v) => set(['ur_decision', 'served'], v)} />
          <div class="field">
            <label for="app-ur-method">Served by</label>
            <select id="app-ur-method" value={f.ur_decision.service_method}
              onChange={(e) => set(['ur_decision', 'service_method'], e.currentTarget.value)} data-testid="app-ur-method">
              <option value="mail">mail</option>
              <option value="electronic">electronic</option>
              <option value="personal">personal service</option>
            </select>
          </div>
          <div class="field">
            <label for="app-ur-basis">Basis</label>
            <select id="app-ur-basis" value={f.ur_decision.basis || ''}
              onChange={(e) => set(['ur_decision', 'basis'], e.currentTarget.value)} data-testid="app-ur-basis">
              <option value="">not stated</option>
              <option value="medical_necessity">medical necessity</option>
              <option value="missing_information">missing information</option>
              <option value="not_medical_necessity">not medical necessity</option>
            </select>
          </div>
        </div>
        {items.map((it, i) => (
          <div class="ur-item" data-testid={`app-item-${i}`}>
            <h4 class="sub">Disputed item {i + 1}</h4>
            <div class="field-grid">
              <Field label="Requested treatment" value={it.request} required wide testid={`item-request-${i}`}
                onInput={(v) => set(['ur_decision', 'items', i, 'request'], v)} />
              <div class="field">
                <label for={`app-item-action-${i}`}>UR action</label>
                <select id={`app-item-action-${i}`} value={it.action}
                  onChange={(e) => set(['ur_decision', 'items', i, 'action'], e.currentTarget.value)}
                  data-testid={`app-item-action-${i}`}>
                  <option value="denied">denied</option>
                  <option value="modified">modified</option>
                  <option value="delayed">delayed</option>
                </select>
              </div>
              {it.action === 'modified' && (
                <Field label="Certified instead" value={it.certified} testid={`item-certified-${i}`}
                  onInput={(v) => set(['ur_decision', 'items', i, 'certified'], v)} />
              )}
              <Field label="Guideline UR cited" value={it.guideline} wide testid={`item-guideline-${i}`}
                onInput={(v) => set(['ur_decision', 'items', i, 'guideline'], v)} />
            </div>
            {items.length > 1 && (
              <button type="button" class="link-button small"
                onClick={() => set(['ur_decision', 'items'], items.filter((_, k) => k !== i))}>
                Remove item {i + 1}
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => set(['ur_decision', 'items'], [...items, blankItem()])} data-testid="app-add-item">
          Add a disputed item
        </button>
      </fieldset>
    </div>
  );
}
