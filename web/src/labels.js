// Human words for the codes the API speaks in (statuses, deadlines, actions, roles): every label a
// user reads comes from here, never a raw code.

const STATUS = {
  received: 'Received',
  ineligible: 'Not eligible',
  eligible: 'Eligible',
  assigned: 'Assigned',
  awaiting_records: 'Awaiting records',
  in_review: 'In review',
  signed: 'Signed',
};

const DUE_WHAT = {
  assignment_notice: 'Notice of assignment',
  records: 'Records from the claims administrator',
  determination: 'Determination',
};

const UR_ACTION = { denied: 'Denied', modified: 'Modified', delayed: 'Delayed' };

const CRITERION_STATE = { met: 'Met', not_met: 'Not met', not_documented: 'Not documented' };

const CRITERION_ROLE = {
  indication: 'Indication',
  requirement: 'Requirement',
  supporting: 'Supporting',
  flag: 'Flag',
};

const ROLE = { reviewer: 'Reviewer', intake: 'Intake', administrator: 'Administrator' };

const AUDIT_ACTION = {
  created: 'Case created',
  screened: 'Eligibility screened',
  consolidated: 'Application consolidated',
  assigned: 'Reviewer assigned',
  reassigned: 'Reviewer reassigned',
  assignment_failed: 'No reviewer fits',
  assigned_by_hand: 'Assigned by hand',
  notice_sent: 'Notice of assignment sent',
  record_attached: 'Record attached',
  records_complete: 'Records complete',
  opened: 'Opened by the reviewer',
  drafted: 'Drafted by the engine',
  viewed: 'Case viewed',
  record_viewed: 'Record viewed',
  evidence_opened: 'Evidence opened',
  edited: 'Item edited',
  summary_edited: 'Case summary edited',
  previewed: 'Letter previewed',
  signed: 'Signed',
  amended: 'Amended',
  letter_written: 'Letter written',
  audit_viewed: 'Audit trail viewed',
  refused: 'Refused',
};

/** 'in_force_note' → 'In force note' (a last resort for a code with no label). */
export function words(code) {
  if (!code) return '';
  const s = String(code).replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const pick = (table) => (code) => (code ? table[code] || words(code) : '—');

export const statusLabel = pick(STATUS);
export const dueLabel = pick(DUE_WHAT);
export const urActionLabel = pick(UR_ACTION);
export const criterionStateLabel = pick(CRITERION_STATE);
export const criterionRoleLabel = pick(CRITERION_ROLE);
export const roleLabel = pick(ROLE);
export const auditActionLabel = pick(AUDIT_ACTION);

export function decisionLabel(d) {
  return d === 'upheld' ? 'Upheld' : d === 'overturned' ? 'Overturned' : 'No decision';
}

/** 'female' → 'Female'. */
export function sexLabel(s) {
  return s ? words(s) : '';
}
