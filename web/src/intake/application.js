// An application (docs/application-format.md) as the intake form holds it, and back: the form
// has every field (blank when absent); the application leaves out what is blank.

export const blankItem = () => ({ request: '', action: 'denied', certified: '', guideline: '' });

export function blankApplication() {
  return {
    application_id: '',
    received: '',
    expedited: false,
    signed: true,
    signed_by: 'worker',
    worker: { name: '', date_of_birth: '', address: '', phone: '' },
    claim_number: '',
    date_of_injury: '',
    employer: { name: '' },
    claims_administrator: { name: '', phone: '' },
    insurer: '',
    requesting_physician: { name: '', specialty: '', medical_group: '', phone: '' },
    liability_disputed: false,
    ur_decision: { date: '', served: '', service_method: 'mail', basis: '', items: [blankItem()] },
  };
}

/** The form's state from an application's JSON (unknown fields kept as they are). */
export function formFromApplication(app) {
  const b = blankApplication();
  const ur = { ...b.ur_decision, ...(app.ur_decision || {}) };
  return {
    ...b,
    ...app,
    worker: { ...b.worker, ...(app.worker || {}) },
    employer: { ...b.employer, ...(app.employer || {}) },
    claims_administrator: { ...b.claims_administrator, ...(app.claims_administrator || {}) },
    requesting_physician: { ...b.requesting_physician, ...(app.requesting_physician || {}) },
    ur_decision: { ...ur, items: (ur.items || []).length ? ur.items.map((i) => ({ ...blankItem(), ...i })) : [blankItem()] },
  };
}

/** The application JSON for the form: blank text fields and empty parties left out. */
export function applicationFromForm(f) {
  const clean = (v) => {
    if (Array.isArray(v)) return v.map(clean).filter((x) => x !== undefined);
    if (v && typeof v === 'object') {
      const out = {};
      for (const [k, x] of Object.entries(v)) {
        const c = clean(x);
        if (c !== undefined) out[k] = c;
      }
      return Object.keys(out).length ? out : undefined;
    }
    if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
    return v;
  };
  const out = clean({ ...f, signed_by: f.signed ? f.signed_by : '' }) || {};
  if (out.ur_decision?.items) out.ur_decision.items = out.ur_decision.items.filter((i) => i.request);
  return out;
}

