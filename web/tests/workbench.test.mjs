// Browser tests of the reviewer workbench against a running `imr serve`.
//
//   IMR_BASE_URL=http://127.0.0.1:8080 \
//   IMR_INTAKE_USER=… IMR_INTAKE_PASSWORD=… \
//   IMR_REVIEWER_USER=… IMR_REVIEWER_PASSWORD=… \          (the user tied to REV-101)
//   IMR_OTHER_REVIEWER_USER=… IMR_OTHER_REVIEWER_PASSWORD=… \
//   [IMR_ADMIN_USER=… IMR_ADMIN_PASSWORD=…] [IMR_SCREENSHOT=/tmp/case.png] [IMR_CHROMIUM=/usr/bin/chromium] \
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

test('intake: create the case, assign, notice, upload a record, records complete', async () => {
  const page = await newPage();
  await login(page, INTAKE);
  await page.waitForURL(/#\/intake$/);

  await page.setInputFiles('[data-testid=app-file]', APPLICATION);
  await page.waitForFunction(() => document.querySelector('[data-testid=app-json]').value.includes('application_id'));
  await page.click('[data-testid=create-submit]');
  await page.waitForSelector('[data-testid=create-result], [data-testid=create-error]');
  assert.equal(await page.$('[data-testid=create-error]'), null, 'creating the case failed');
  caseId = (await page.textContent('[data-testid=created-case-id]')).trim();
  assert.match(caseId, /^CM\d\d-\d{7}$/);
  assert.match(await page.textContent('[data-testid=eligibility]'), /Eligible/);

  // The actions panel opens on the new case; it is also in the open-case list.
  await page.waitForSelector('[data-testid=case-actions]');
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

  await page.click('[data-testid=records-complete]');
  await okMessage(page, /complete/);

  assert.deepEqual(page.pageErrors, []);
  await logout(page);
  await page.close();
});

test('reviewer: evidence highlight, decide, sign, letter and PDF', async () => {
  assert.ok(caseId, 'needs the case from the intake test');
  const page = await newPage();
  await login(page, REVIEWER);
  await page.waitForURL(/#\/queue$/);
  await page.waitForSelector('[data-testid=queue-table]');
  await page.click(`[data-testid=case-link-${caseId}]`);
  await page.waitForURL(new RegExp(`#/case/${caseId}$`));

  // Opening the case drafts it (the assigned reviewer, in review, no draft yet).
  await page.waitForSelector('[data-testid=item-1] [data-testid=criterion-button]');
  await page.waitForSelector('[data-testid=record-text-0]');
  assert.equal(await page.$('[data-testid=draft-error]'), null);

  // What the server says the evidence is, to compare with what the page highlights.
  const view = await page.evaluate(async (id) => (await fetch(`/api/cases/${id}`)).json(), caseId);
  assert.ok(view.draft, 'the case has a draft after opening');
  const items = view.draft.items;
  let withRecordEvidence = null;
  let withRequestEvidence = null;
  let notDocumented = null;
  items.forEach((it, i) =>
    it.criteria.forEach((c) => {
      if (!withRecordEvidence && c.evidence.length && c.evidence[0].record >= 0) withRecordEvidence = { i, c };
      if (!withRequestEvidence && c.evidence.length && c.evidence[0].record === -1) withRequestEvidence = { i, c };
      if (!notDocumented && c.state === 'not_documented') notDocumented = { i, c };
    }),
  );
  assert.ok(withRecordEvidence, 'some criterion cites a record');

  // Click the criterion: its evidence sentence is marked and scrolled into view.
  const { i: ei, c: ec } = withRecordEvidence;
  await page.click(`[data-testid=item-${ei + 1}] [data-testid="criterion-${ec.id}"] [data-testid=criterion-button]`);
  const mark = await page.waitForSelector(`[data-testid=record-${ec.evidence[0].record}] mark[data-testid=evidence-mark]`);
  assert.equal((await mark.textContent()).trim(), ec.evidence[0].text.trim());
  await page.waitForTimeout(100);
  const inView = await mark.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const pane = el.closest('[data-testid=records-pane]').getBoundingClientRect();
    return (
      r.height > 0 && r.top >= Math.max(0, pane.top) && r.bottom <= Math.min(window.innerHeight, pane.bottom) &&
      r.left >= 0 && r.right <= window.innerWidth
    );
  });
  assert.ok(inView, 'the highlighted evidence is visible in the viewport');
  // The byte offsets agree with the record text the server returned.
  recordText = await page.textContent(`[data-testid=record-text-${ec.evidence[0].record}]`);
  assert.ok(recordText.includes(ec.evidence[0].text));

  if (withRequestEvidence) {
    const { i, c } = withRequestEvidence;
    // From the keyboard this time: focus the criterion and press Enter.
    await page.focus(`[data-testid=item-${i + 1}] [data-testid="criterion-${c.id}"] [data-testid=criterion-button]`);
    await page.keyboard.press('Enter');
    const rm = await page.waitForSelector(`[data-testid=item-request-${i + 1}] mark[data-testid=request-mark]`);
    assert.ok((await rm.textContent()).length > 0);
    assert.ok(await rm.isVisible());
  }

  if (notDocumented) {
    const { i, c } = notDocumented;
    const lf = await page.textContent(`[data-testid=item-${i + 1}] [data-testid="criterion-${c.id}"] [data-testid=looked-for]`);
    assert.match(lf, /Looked for:/);
    assert.ok(lf.includes(c.looked_for));
    assert.match(
      await page.textContent(`[data-testid=item-${i + 1}] [data-testid="criterion-${c.id}"] [data-testid=criterion-state]`),
      /not documented/,
    );
  }

  // Item 1: change the engine's decision. The UI first insists on a reason.
  const engine1 = view.items[0].engine_decision;
  const other = engine1 === 'upheld' ? 'overturned' : 'upheld';
  await page.check(`[data-testid=choice-${other}-1]`);
  await page.fill('[data-testid=reason-1]', '');
  await page.click('[data-testid=save-1]');
  await page.waitForSelector('#reason-err-1');
  assert.equal(await page.$('[data-testid=saved-1]'), null, 'nothing saved without a reason');
  await page.fill('[data-testid=reason-1]', 'The record shows functional gains the draft did not weigh.');
  await page.fill(
    '[data-testid=rationale-1]',
    `Reviewer's own rationale for ${other}: the documented gains support the requested visits.`,
  );
  await page.click('[data-testid=save-1]');
  await page.waitForSelector('[data-testid=saved-1], [data-testid=save-error-1]');
  assert.equal(await page.$('[data-testid=save-error-1]'), null, 'saving item 1 failed');
  await page.waitForFunction(() => /changed from the engine/.test(document.querySelector('[data-testid=item-1] [data-testid=item-state]').textContent));

  // Every other item: accept the draft.
  for (let n = 2; n <= view.items.length; n++) {
    await page.check(`[data-testid=choice-accept-${n}]`);
    await page.click(`[data-testid=save-${n}]`);
    await page.waitForSelector(`[data-testid=saved-${n}], [data-testid=save-error-${n}]`);
    assert.equal(await page.$(`[data-testid=save-error-${n}]`), null, `saving item ${n} failed`);
    await page.waitForFunction((k) => /Decided/.test(document.querySelector(`[data-testid=item-${k}] [data-testid=item-state]`).textContent), n);
  }

  await page.waitForSelector('[data-testid=sign]:not([disabled])');
  await page.click('[data-testid=sign]');
  await page.waitForSelector('[data-testid=letter-preview], [data-testid=sign-error]');
  assert.equal(await page.$('[data-testid=sign-error]'), null, 'signing failed');
  const letter = await page.textContent('[data-testid=letter-preview]');
  assert.ok(letter.length > 200, 'the letter preview has text');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-pdf]')]);
  const pdf = fs.readFileSync(await download.path());
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');

  if (process.env.IMR_SCREENSHOT) {
    await page.click(`[data-testid=item-${ei + 1}] [data-testid="criterion-${ec.id}"] [data-testid=criterion-button]`);
    await page.waitForSelector('mark[data-testid=evidence-mark]');
    await page.screenshot({ path: process.env.IMR_SCREENSHOT });
  }
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
  if (caseId) {
    assert.match(await page.textContent('[data-testid=table-status]'), /signed/);
    await page.waitForSelector('[data-testid=chart-status] canvas');
  }
  assert.deepEqual(page.pageErrors, []);
  await logout(page);
  await page.close();
});
