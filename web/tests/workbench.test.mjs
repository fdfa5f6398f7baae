// Browser tests of the reviewer workbench against a running `imr serve`.
//
//   IMR_BASE_URL=http://127.0.0.1:8080 \
//   IMR_INTAKE_USER=… IMR_INTAKE_PASSWORD=… \
//   IMR_REVIEWER_USER=… IMR_REVIEWER_PASSWORD=… \          (the user tied to REV-101)
//   IMR_OTHER_REVIEWER_USER=… IMR_OTHER_REVIEWER_PASSWORD=… \
//   [IMR_ADMIN_USER=… IMR_ADMIN_PASSWORD=…] [IMR_SCREENSHOTS=docs/images] [IMR_CHROMIUM=/usr/bin/chromium] \
//   node --test web/tests/workbench.test.mjs
//
// The store must hold the example reviewer registry (examples/reviewers.json) so the example
// application is assigned to REV-101. Uses playwright-core with the system Chromium (no download).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const APPLICATION = path.join(repo, 'examples/applications/regular-eligible.json');
const RECORD = path.join(repo, 'examples/records/delgado-pr2-2026-10-02.txt');
const EXPEDITED = path.join(repo, 'examples/applications/expedited.json');

function env(name, fallback) {
  const v = process.env[name] ?? fallback;
  if (v === undefined || v === '') throw new Error(`set ${name} (see the header of ${path.basename(fileURLToPath(import.meta.url))})`);
  return v;
}
const BASE = env('IMR_BASE_URL').replace(/\/+$/, '');
const INTAKE = { user: env('IMR_INTAKE_USER'), password: env('IMR_INTAKE_PASSWORD') };
const REVIEWER = { user: env('IMR_REVIEWER_USER'), password: env('IMR_REVIEWER_PASSWORD') };
const OTHER = { user: env('IMR_OTHER_REVIEWER_USER'), password: env('IMR_OTHER_REVIEWER_PASSWORD') };
const EXPECTED_REVIEWER = process.env.IMR_REVIEWER_ID || 'REV-101';
// Optional: with IMR_ADMIN_USER/IMR_ADMIN_PASSWORD the administration pages are checked too.
const ADMIN = process.env.IMR_ADMIN_USER ? { user: process.env.IMR_ADMIN_USER, password: env('IMR_ADMIN_PASSWORD') } : null;
const T = 20000;

let context;
let profile;
let caseId;
let recordText;
let recordPdf; // the record printed to PDF by Chromium: uploaded as a second record

before(async () => {
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-web-test-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.IMR_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(T);
  // The example record as a PDF (Chromium prints it), to check the PDF view and its highlights.
  const printer = await context.newPage();
  const text = fs.readFileSync(RECORD, 'utf8');
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  await printer.setContent(`<pre style="font: 11pt/1.35 'DejaVu Sans Mono', monospace; white-space: pre-wrap">${esc}</pre>`);
  recordPdf = path.join(profile, 'pr2-scan.pdf');
  await printer.pdf({ path: recordPdf, format: 'Letter', margin: { top: '0.7in', bottom: '0.7in', left: '0.7in', right: '0.7in' } });
  await printer.close();
});

after(async () => {
  await context?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

/** Opens a page; fails the test on uncaught page errors. */
async function newPage() {
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e));
  return page;
}

async function login(page, who, hash = '') {
  await context.clearCookies(); // a fresh session even if an earlier test stopped half-way
  await page.goto(`${BASE}/${hash}`);
  await page.waitForSelector('[data-testid=login-form]');
  await page.fill('[data-testid=login-user]', who.user);
  await page.fill('[data-testid=login-password]', who.password);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=user-id]');
  assert.equal((await page.textContent('[data-testid=user-id]')).trim(), who.user);
}

async function logout(page) {
  await page.click('[data-testid=logout]');
  await page.waitForSelector('[data-testid=login-form]');
}

async function okMessage(page, pattern) {
  await page.waitForFunction(
    (src) => {
      const err = document.querySelector('[data-testid=action-error]');
      if (err) return true;
      const ok = document.querySelector('[data-testid=action-ok]');
      return ok && new RegExp(src).test(ok.textContent);
    },
    pattern.source,
  );
  const err = await page.$('[data-testid=action-error]');
  assert.equal(err ? await err.textContent() : null, null, 'the action failed');
}

test('login shows the server error for a wrong password', async () => {
  const page = await newPage();
  await page.goto(`${BASE}/`);
  await page.waitForSelector('[data-testid=login-form]');
  await page.fill('[data-testid=login-user]', INTAKE.user);
  await page.fill('[data-testid=login-password]', `${INTAKE.password}-wrong`);
  await page.click('[data-testid=login-submit]');
  const msg = await page.waitForSelector('[data-testid=login-error]');
  assert.match(await msg.textContent(), /401|password|sign/i);
  await page.close();
});

/** Creates a case from an application file through the form; returns its id. */
async function createWithForm(page, file) {
  await page.setInputFiles('[data-testid=app-file]', file);
  const app = JSON.parse(fs.readFileSync(file, 'utf8'));
  await page.waitForFunction((id) => document.querySelector('[data-testid=app-application-id]').value === id, app.application_id);
  // The form shows what the file held, field by field.
  assert.equal(await page.inputValue('[data-testid=app-worker-name]'), app.worker.name);
  assert.equal(await page.inputValue('[data-testid=app-item-request-0]'), app.ur_decision.items[0].request);
  await page.click('[data-testid=create-submit]');
  await page.waitForSelector('[data-testid=create-result], [data-testid=create-error]');
  assert.equal(await page.$('[data-testid=create-error]'), null, 'creating the case failed');
  const id = (await page.textContent('[data-testid=created-case-id]')).trim();
  assert.match(id, /^CM\d\d-\d{7}$/);
  assert.match(await page.textContent('[data-testid=eligibility]'), /Eligible/);
  await page.waitForSelector(`[data-testid=case-actions] >> text=${id}`);
  return id;
}

test('intake: create the case with the form, assign, notice, upload records, records complete', async () => {
  const page = await newPage();
  await login(page, INTAKE);
  await page.waitForURL(/#\/intake$/);

  // A form, not raw JSON: typed fields build the application.
  caseId = await createWithForm(page, APPLICATION);
  await page.waitForSelector(`[data-testid=case-row-${caseId}]`);

  await page.click('[data-testid=assign]');
  await okMessage(page, /Assigned to/);
  const assigned = (await page.textContent('[data-testid=assigned-reviewer]')).trim();
  assert.equal(assigned, EXPECTED_REVIEWER);
  assert.ok((await page.textContent('[data-testid=assign-explanation]')).length > 20);
  await page.waitForSelector('[data-testid=assign-excluded]');

  await page.selectOption('[data-testid=notice-method]', 'electronic');
  await page.click('[data-testid=send-notice]');
  await okMessage(page, /Notice sent/);

  await page.setInputFiles('[data-testid=record-file]', RECORD);
  await page.fill('[data-testid=record-title]', 'PR-2 progress report');
  await page.fill('[data-testid=record-date]', '2026-10-02');
  await page.fill('[data-testid=record-sender]', 'requesting physician');
  await page.click('[data-testid=upload-record]');
  await okMessage(page, /uploaded/);
  await page.waitForSelector('[data-testid=record-list] >> text=PR-2 progress report');

  await page.setInputFiles('[data-testid=record-file]', recordPdf);
  await page.fill('[data-testid=record-title]', 'PR-2 progress report (scan)');
  await page.fill('[data-testid=record-date]', '2026-10-02');
  await page.fill('[data-testid=record-sender]', 'claims administrator');
  await page.click('[data-testid=upload-record]');
  await okMessage(page, /uploaded/);
  await page.waitForSelector('[data-testid=record-list] >> text=PR-2 progress report (scan)');

  await page.click('[data-testid=records-complete]');
  await okMessage(page, /complete/);

  assert.deepEqual(page.pageErrors, []);
  await logout(page);
  await page.close();
});

test('intake: the expedited example, assigned by hand when no reviewer fits; no server paths', async (t) => {
  const page = await newPage();
  await login(page, INTAKE);
  await page.waitForURL(/#\/intake$/);
  const id = await createWithForm(page, EXPEDITED);
  await page.click('[data-testid=assign]');
  await page.waitForSelector('[data-testid=action-ok], [data-testid=action-error]');
  if (await page.$('[data-testid=action-error]')) {
    const message = await page.textContent('[data-testid=case-actions]');
    assert.doesNotMatch(message, /\/(work|home|usr|tmp|etc)\/|\.json\b|\.yaml\b/, 'no server path in the message');
    assert.match(message, /by hand/);
    // The dashboard flags the case instead of showing it on track.
    await page.waitForSelector(`[data-testid=case-row-${id}] [data-testid=badge-no-reviewer]`);
    const options = await page.$$eval('[data-testid=by-hand-reviewer] option', (os) => os.map((o) => o.value).filter(Boolean));
    assert.ok(options.length > 0, 'the registry is offered');
    await page.selectOption('[data-testid=by-hand-reviewer]', options.includes('REV-106') ? 'REV-106' : options[0]);
    await page.click('[data-testid=by-hand-submit]');
    await page.waitForSelector('[data-testid=by-hand-error]:has-text("reason")');
    await page.fill('[data-testid=by-hand-reason]', 'Orthopaedic surgeon; available this week for an expedited review.');
    await page.click('[data-testid=by-hand-submit]');
    await okMessage(page, /by hand/);
    await page.waitForSelector(`[data-testid=case-row-${id}]:not(:has([data-testid=badge-no-reviewer]))`);
    const audit = await page.evaluate(async (c) => (await fetch(`/api/cases/${c}/audit`)).json(), id);
    assert.ok(audit.audit.some((a) => a.action === 'assigned_by_hand'), 'the audit records the assignment by hand');
    t.diagnostic('no reviewer fits the expedited example: assigned by hand');
  } else {
    t.diagnostic('the expedited example was assigned automatically');
    assert.match(await page.textContent('[data-testid=action-ok]'), /Assigned to/);
  }
  assert.deepEqual(page.pageErrors, []);
  await logout(page);
  await page.close();
});

/** Clicks a criterion's evidence button (opening "Other criteria" when it is there). */
async function showEvidence(page, n, crit, k = 0) {
  const row = `[data-testid=item-${n}] [data-testid="criterion-${crit}"]`;
  await page.$eval(row, (el) => el.closest('details')?.setAttribute('open', ''));
  if (k === 0) await page.click(`${row} [data-testid=criterion-button]`);
  else await page.click(`${row} .crit-actions button.link-button >> nth=${k - 1}`);
}

/** Waits until the criterion shows the answer. */
async function answered(page, n, crit, state) {
  await page.waitForSelector(`[data-testid=item-${n}] [data-testid="criterion-${crit}"][data-answer=${state}]`);
}

test('reviewer: no rubber stamp; criteria answered by keyboard, evidence, search, PDF, preview, attest, sign', async (t) => {
  assert.ok(caseId, 'needs the case from the intake test');
  const page = await newPage();
  await login(page, REVIEWER);
  await page.waitForURL(/#\/queue$/);
  await page.waitForSelector('[data-testid=queue-table]');
  // Keyboard from the queue: focus the case link and press Enter.
  await page.focus(`[data-testid=case-link-${caseId}]`);
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#/case/${caseId}$`));

  // Opening the case drafts it (the assigned reviewer, in review, no draft yet).
  await page.waitForSelector('[data-testid=item-1] [data-testid=criterion-button]');
  assert.equal(await page.$('[data-testid=draft-error]'), null);
  const view = await page.evaluate(async (id) => (await fetch(`/api/cases/${id}`)).json(), caseId);
  assert.ok(view.draft, 'the case has a draft after opening');
  const items = view.draft.items;

  // The header: claimant, sex, injury date, physician, UR date, human labels.
  const header = await page.textContent('[data-testid=case-header]');
  assert.match(await page.textContent('[data-testid=claimant]'), /Delgado/);
  assert.match(await page.textContent('[data-testid=date-of-injury]'), /2023-02-14/);
  assert.match(await page.textContent('[data-testid=requesting-physician]'), /Whitcomb/);
  assert.match(await page.textContent('[data-testid=ur]'), /2026-10-19/);
  assert.doesNotMatch(header, /\b[a-z]+_[a-z_]+\b/, 'no raw codes in the header');

  // No decision is pre-selected.
  for (let n = 1; n <= items.length; n++) {
    assert.equal(await page.$(`[data-testid=decision-form-${n}] input[type=radio]:checked`), null, `item ${n} has no decision chosen`);
  }

  // The rubber stamp is refused: by the page (the preview lists what is missing, no sign button)...
  await page.click('[data-testid=sign]');
  await page.waitForSelector('[data-testid=sign-blocking]');
  assert.ok(await page.isDisabled('[data-testid=sign-confirm]'));
  assert.ok(await page.isDisabled('[data-testid=attest]'));
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=sign-dialog]', { state: 'detached' });
  // ...and by the server, whatever the page does: accepting every draft without answering the
  // criteria, then signing with the attestation.
  const stamp = await page.evaluate(async ({ id, n }) => {
    const s = await (await fetch('/api/session')).json();
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf_token };
    const v = await (await fetch(`/api/cases/${id}`)).json();
    const r = await fetch(`/api/cases/${id}/sign`, { method: 'POST', headers, body: JSON.stringify({ version: v.version, attestation: true }) });
    return { status: r.status, body: await r.json() };
  }, { id: caseId, n: items.length });
  assert.ok(stamp.status >= 400 && stamp.status < 500, `signing without answers is refused (${stamp.status})`);
  assert.match(JSON.stringify(stamp.body), /decided|agree/);

  // Evidence: click a criterion whose evidence is in a record; it is marked and in view.
  let withRecordEvidence = null;
  for (const decided of [true, false])
    items.forEach((it, i) =>
      it.criteria.forEach((c) => {
        if (!withRecordEvidence && !!c.decided === decided && c.evidence.length && c.evidence[0].record >= 0) withRecordEvidence = { i, c };
      }),
    );
  assert.ok(withRecordEvidence, 'some criterion cites a record');
  const { i: ei, c: ec } = withRecordEvidence;
  const er = ec.evidence[0].record;
  await showEvidence(page, ei + 1, ec.id);
  const pdfRecord = (view.records[er].media_type || '').includes('pdf');
  if (pdfRecord) {
    await page.waitForSelector(`[data-testid=pdf-${er}] [data-testid=pdf-mark][data-kind=evidence]`);
    await page.click('[data-testid=toggle-pdf-view]');
  }
  const mark = await page.waitForSelector(`[data-testid=record-${er}] mark[data-testid=evidence-mark]`);
  assert.equal((await mark.textContent()).replace(/\s+/g, ' ').trim(), ec.evidence[0].text.replace(/\s+/g, ' ').trim());
  await page.waitForTimeout(100);
  const inView = await mark.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const pane = el.closest('[data-testid=records-pane]').getBoundingClientRect();
    return r.height > 0 && r.top >= Math.max(0, pane.top) && r.bottom <= Math.min(window.innerHeight, pane.bottom);
  });
  assert.ok(inView, 'the highlighted evidence is visible');
  if (process.env.IMR_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.IMR_SCREENSHOTS, 'case-view.png') });
  recordText = await page.textContent(`[data-testid=record-text-${er}]`);
  if (pdfRecord) await page.click('[data-testid=toggle-pdf-view]'); // back to the pages

  // Search across the records: a phrase from the record, highlighted, in both copies.
  const phrase = 'home exercise';
  await page.keyboard.press('Escape');
  await page.locator('body').press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'record-search');
  await page.keyboard.type(phrase);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=search-count]:has-text("Hit 1 of")');
  assert.match(await page.textContent('[data-testid=search-count]'), /in 2 records/);
  // The PDF copy: its pages, with the hit marked on its page.
  await page.click('[data-testid=record-choice-1]');
  await page.waitForSelector('[data-testid=pdf-1] [data-testid=pdf-mark]');
  await page.waitForSelector('[data-testid=pdf-1-page-1][data-drawn=true]');
  await page.click('[data-testid=record-choice-0]');
  const hit = await page.waitForSelector('[data-testid=record-text-0] mark[data-testid=search-mark]');
  assert.match(await hit.textContent(), /home\s+exercise/i);

  // The PDF view shows the evidence of a criterion whose evidence is in the PDF copy, if any.
  const inPdf = items.flatMap((it, i) => it.criteria.flatMap((c) => c.evidence.map((e, k) => ({ i, c, e, k })))).find((x) => x.e.record === 1);
  if (inPdf) {
    await showEvidence(page, inPdf.i + 1, inPdf.c.id, inPdf.k);
    await page.waitForSelector('[data-testid=pdf-1] [data-testid=pdf-mark][data-kind=evidence]');
    t.diagnostic(`evidence marked on the PDF record's page (criterion ${inPdf.c.id})`);
  }

  // Item 1 changes the engine's decision: the page insists on a reason first.
  const engine1 = view.items[0].engine_decision;
  const other = engine1 === 'upheld' ? 'overturned' : 'upheld';
  await page.check(`[data-testid=choice-${other}-1]`);
  await page.click('[data-testid=save-1]');
  await page.waitForSelector('#reason-err-1');
  assert.equal(await page.$('[data-testid=saved-1]'), null, 'nothing saved without a reason');
  await page.fill('[data-testid=reason-1]', 'The record shows functional gains\nthat the draft did not weigh.');
  await page.fill('[data-testid=rationale-1]', `Reviewer's own rationale for ${other}: the documented gains support the requested visits.`);
  await page.click('[data-testid=save-1]');
  await page.waitForSelector('[data-testid=saved-1], [data-testid=save-error-1]');
  assert.equal(await page.$('[data-testid=save-error-1]'), null, 'saving item 1 failed');

  // Keyboard only from here: ] to each item, j/a through its criteria (d + a note for one),
  // u/o for the decision, s to save, p to preview, the attestation, sign.
  await page.evaluate(() => document.activeElement?.blur());
  let disagreed = false;
  for (let n = 1; n <= items.length; n++) {
    const item = items[n - 1];
    if (n === 1) for (let k = 0; k < items.length; k++) await page.keyboard.press('['); // to the first item
    else await page.keyboard.press(']');
    const decided = item.criteria.filter((c) => c.decided);
    for (let k = 0; k < decided.length; k++) {
      if (k > 0) await page.keyboard.press('j');
      await page.waitForSelector(`[data-testid=item-${n}] [data-testid="criterion-${decided[k].id}"][data-cursor=true]`);
      if (n === 1 && !disagreed) {
        await page.keyboard.press('d');
        await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'disagree-note');
        await page.keyboard.type('The record documents this; the draft missed it.');
        await page.keyboard.press('Control+Enter');
        await answered(page, n, decided[k].id, 'disagreed');
        disagreed = true;
        // Back on the row for the next key.
        await page.focus(`[data-testid=item-${n}] [data-testid="criterion-${decided[k].id}"]`);
      } else {
        await page.keyboard.press('a');
        await answered(page, n, decided[k].id, 'agreed');
      }
    }
    if (n === 1) continue; // decided above
    if (item.status === 'no_rule') {
      await page.waitForSelector(`[data-testid=no-rule-${n}]`);
      await page.keyboard.press('u');
      await page.fill(`[data-testid=rationale-${n}]`, 'No guideline supports this request on this record.');
      await page.fill(`[data-testid=citations-${n}]`, 'MTUS ACOEM Practice Guidelines, Chapter 12');
      await page.evaluate(() => document.activeElement?.blur());
    } else {
      await page.keyboard.press(view.items[n - 1].engine_decision === 'upheld' ? 'u' : 'o');
    }
    await page.keyboard.press('s');
    await page.waitForSelector(`[data-testid=saved-${n}], [data-testid=save-error-${n}]`);
    assert.equal(await page.$(`[data-testid=save-error-${n}]`), null, `saving item ${n} failed`);
  }

  // The help overlay lists the keys.
  await page.keyboard.press('?');
  await page.waitForSelector('[data-testid=key-help] >> text=Agree with the criterion');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=key-help]', { state: 'detached' });

  await page.waitForFunction(() => !document.querySelector('[data-testid=blocking]'));
  await page.keyboard.press('p');
  await page.waitForSelector('[data-testid=preview-diff]');
  assert.equal(await page.$('[data-testid=sign-blocking]'), null, 'nothing blocks the signature');
  const changes = await page.textContent('[data-testid=preview-changes]');
  assert.match(changes, new RegExp(`Item 1: [a-z]+ → ${other}`));
  assert.match(changes, /draft missed it/);
  assert.ok((await page.$$('[data-testid=diff-ins]')).length > 0, 'what differs is marked');
  const letterText = await page.textContent('[data-testid=preview-diff]');
  assert.doesNotMatch(letterText, /Rules: |drug table|rule pack|not in force/i, 'no engine notes in the letter');
  assert.ok(await page.isDisabled('[data-testid=sign-confirm]'), 'no signature without the attestation');
  if (process.env.IMR_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.IMR_SCREENSHOTS, 'sign-preview.png') });
  await page.focus('[data-testid=attest]');
  await page.keyboard.press('Space');
  await page.focus('[data-testid=sign-confirm]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=letter-preview], [data-testid=sign-error]');
  assert.equal(await page.$('[data-testid=sign-error]'), null, 'signing failed');
  const letter = await page.textContent('[data-testid=letter-preview]');
  assert.ok(letter.length > 200, 'the letter has text');

  // The audit: time on the case and the evidence opened.
  await page.waitForSelector('[data-testid=review-record]');
  const signedView = await page.evaluate(async (id) => (await fetch(`/api/cases/${id}`)).json(), caseId);
  assert.ok(signedView.review_record.evidence_opened >= 1, 'the evidence opened is recorded');
  assert.ok(signedView.review_record.active_minutes >= 0);
  assert.equal(signedView.review_record.criteria_disagreed, 1);
  const audit = await page.evaluate(async (id) => (await fetch(`/api/cases/${id}/audit`)).json(), caseId);
  assert.ok(audit.audit.some((a) => a.action === 'evidence_opened'));
  assert.ok(audit.audit.some((a) => a.action === 'previewed'));
  await page.click('[data-testid=audit] summary');
  await page.waitForSelector('[data-testid=audit-table] td[data-action=evidence_opened]');
  assert.match(await page.textContent('[data-testid=audit-table]'), /Evidence opened[\s\S]*Signed/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-pdf]')]);
  const pdf = fs.readFileSync(await download.path());
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  assert.deepEqual(page.pageErrors, []);
  await logout(page);
  await page.close();
});

test('another reviewer sees "not assigned" and no record text', async () => {
  assert.ok(caseId, 'needs the case from the intake test');
  const page = await newPage();
  await login(page, OTHER);
  await page.goto(`${BASE}/#/case/${caseId}`);
  const err = await page.waitForSelector('[data-testid=case-error]');
  assert.match(await err.textContent(), /not assigned/i);
  assert.equal(await page.$('[data-testid^=record-text]'), null);
  assert.equal(await page.$('[data-testid=case-view]'), null);
  const body = await page.textContent('body');
  if (recordText) assert.ok(!body.includes(recordText.slice(0, 60)), 'no record text on the page');
  assert.deepEqual(page.pageErrors, []);
  await logout(page);
  await page.close();
});

test('corpus: search the published decisions with words and filters, page through, count, open a letter', async () => {
  const page = await newPage();
  await login(page, OTHER);
  await page.click('a.nav-link[href="#/corpus"]');
  await page.waitForSelector('[data-testid=corpus-hit]');
  await page.waitForSelector('[data-testid=corpus-stats-table] tbody tr');
  const all = await page.textContent('[data-testid=corpus-total]');
  assert.match(all, /^1–20 of \d+/, 'a first page of everything, newest first');

  // Words, by keyboard: type and press Enter; the words found are marked in each snippet.
  await page.fill('[data-testid=corpus-q]', 'therapy');
  await page.press('[data-testid=corpus-q]', 'Enter');
  await page.waitForFunction((before) => document.querySelector('[data-testid=corpus-total]')?.textContent !== before, all);
  await page.waitForSelector('[data-testid=corpus-snippet] mark');
  const marked = await page.$$eval('[data-testid=corpus-snippet] mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marked.length > 0 && marked.every((m) => m.startsWith('therap')), `marked: ${marked.slice(0, 5)}`);

  // A filter narrows the results and the statistics alike.
  await page.selectOption('[data-testid=corpus-decision]', 'overturned');
  await page.click('[data-testid=corpus-submit]');
  await page.waitForFunction(() => {
    const words = [...document.querySelectorAll('[data-testid=corpus-hit] .decision')].map((d) => d.textContent);
    return words.length > 0 && words.every((w) => /overturned/i.test(w));
  });
  await page.waitForFunction(() => /overturned \d+/.test(document.querySelector('[data-testid=corpus-stats-total]')?.textContent || ''));
  const rates = await page.$$eval('[data-testid=corpus-stats-table] tbody tr', (trs) => trs.map((tr) => tr.children[3].textContent));
  assert.ok(rates.length > 0 && rates.every((r) => r === '100.0%'), `only overturned items selected: ${rates}`);

  // Clear, then page through everything and count it by year.
  await page.click('[data-testid=corpus-clear]');
  await page.waitForFunction((before) => document.querySelector('[data-testid=corpus-total]')?.textContent === before, all);
  await page.click('[data-testid=corpus-next]');
  await page.waitForFunction(() => /^21–40 of /.test(document.querySelector('[data-testid=corpus-total]')?.textContent || ''));
  await page.selectOption('[data-testid=corpus-by]', 'year');
  await page.waitForSelector('[data-testid=corpus-stats-table] thead >> text=Year');
  await page.waitForSelector('[data-testid=chart-corpus-rate] canvas');
  if (process.env.IMR_SCREENSHOTS) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(process.env.IMR_SCREENSHOTS, 'corpus.png') });
  }

  // A result opens its letter in a dialog; Escape closes it and focus goes back to the result.
  const request = (await page.textContent('[data-testid=corpus-hit-open]')).trim();
  await page.focus('[data-testid=corpus-hit-open]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=letter-dialog] [data-testid=corpus-letter]');
  assert.ok((await page.textContent('[data-testid=letter-dialog]')).includes(request), 'the letter holds the item');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=letter-dialog]', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'corpus-hit-open');
  assert.deepEqual(page.pageErrors, []);
  await logout(page);
  await page.close();
});

test('reviewer: precedents beside each drafted item, each opening its letter', async () => {
  assert.ok(caseId, 'needs the case from the intake test');
  const page = await newPage();
  await login(page, REVIEWER, `#/case/${caseId}`);
  await page.waitForSelector('[data-testid=precedents-1] [data-testid=precedent]');
  const rate = await page.textContent('[data-testid=precedents-rate-1]');
  assert.match(rate, /overturned \d+ of \d+ \(\d+\.\d%; 95% interval \d+\.\d–\d+\.\d%\)/, rate);
  if (process.env.IMR_SCREENSHOTS) {
    await page.locator('[data-testid=precedents-1]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(process.env.IMR_SCREENSHOTS, 'precedents.png') });
  }
  const request = (await page.textContent('[data-testid=precedents-1] [data-testid=precedent-open]')).trim();
  await page.click('[data-testid=precedents-1] [data-testid=precedent-open]');
  await page.waitForSelector('[data-testid=letter-dialog] [data-testid=corpus-letter]');
  assert.ok((await page.textContent('[data-testid=letter-dialog]')).includes(request), 'the precedent\'s letter holds it');
  // The case view's keys stay quiet while the letter is open ('?' would open the key help).
  await page.keyboard.press('?');
  assert.equal(await page.$('[data-testid=key-help]'), null);
  await page.click('[data-testid=letter-dialog-close]');
  await page.waitForSelector('[data-testid=letter-dialog]', { state: 'detached' });
  assert.deepEqual(page.pageErrors, []);
  await logout(page);
  await page.close();
});

test('administrator: users, reviewers, deadlines, statistics with table equivalents', { skip: !ADMIN && 'IMR_ADMIN_USER not set' }, async () => {
  const page = await newPage();
  await login(page, ADMIN);
  await page.waitForURL(/#\/admin/);
  await page.waitForSelector('[data-testid=users-table]');
  assert.match(await page.textContent('[data-testid=users-table]'), new RegExp(REVIEWER.user));

  const newId = `web-test-${Date.now()}`;
  await page.fill('[data-testid=new-user-id]', newId);
  await page.selectOption('[data-testid=new-user-role]', 'intake');
  await page.click('[data-testid=add-user]');
  await page.waitForSelector('[data-testid=user-created], [data-testid=add-user-error]');
  assert.equal(await page.$('[data-testid=add-user-error]'), null, 'adding a user failed');
  assert.ok((await page.textContent('[data-testid=generated-password]')).trim().length >= 8, 'the generated password is shown');

  // Deactivate the new user from its row, then reactivate it.
  await page.waitForSelector(`[data-testid="user-active-${newId}"]`);
  await page.click(`[data-testid="user-active-${newId}"]`);
  await page.waitForSelector(`[data-testid="user-active-${newId}"] >> text=Reactivate`);
  await page.click(`[data-testid="user-active-${newId}"]`);
  await page.waitForSelector(`[data-testid="user-active-${newId}"] >> text=Deactivate`);

  await page.click('[data-testid=tab-reviewers]');
  await page.waitForSelector('[data-testid=reviewers-table] >> text=REV-101');

  await page.click('[data-testid=tab-deadlines]');
  await page.waitForSelector('[data-testid=deadline-counts]');

  await page.click('[data-testid=tab-stats]');
  await page.waitForSelector('[data-testid=table-status]');
  for (const id of ['status', 'topics', 'decisions', 'changed']) await page.waitForSelector(`[data-testid=chart-${id}] table`);
  assert.doesNotMatch(await page.textContent('[data-testid=table-topics]'), /undrafted|no_rule|_/, 'topics are guideline topics, in words');
  if (caseId) {
    assert.match(await page.textContent('[data-testid=table-status]'), /Signed/);
    await page.waitForSelector('[data-testid=chart-status] canvas');
    // Per reviewer: the signature above, its time on case and evidence opened.
    const rows = await page.$$eval('[data-testid=table-reviewers] tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    const mine = rows.find((r) => r[0] === EXPECTED_REVIEWER);
    assert.ok(mine, 'the reviewer who signed has a row');
    assert.equal(mine[1], '1', 'one case signed');
    assert.equal(mine[4], '0', 'no signature without evidence opened');
    await page.waitForSelector('[data-testid=table-turnaround]');
    // A period after the signature: no signatures in it.
    await page.fill('[data-testid=stats-from]', '2030-01-01');
    await page.click('[data-testid=stats-apply]');
    await page.waitForSelector('[data-testid=table-reviewers-empty]');
    const csv = await page.evaluate(async () => (await fetch('/api/stats/export?table=reviewers')).text());
    assert.match(csv.split('\n')[0], /^reviewer_id,signed_cases/);
  }
  assert.deepEqual(page.pageErrors, []);
  await logout(page);
  await page.close();
});
