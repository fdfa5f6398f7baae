// The workbench's pure modules, without a browser: the record search, the page of a hit, the
// intake form's round trip of every example application, and the corpus's snippets, rates and queries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageAt, phrasePattern, searchRecords, snippet } from '../src/search.js';
import { applicationFromForm, blankApplication, formFromApplication } from '../src/intake/application.js';
import { corpusQuery, pageText, percent, rateSentence, rateText, snippetParts } from '../src/corpus/format.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('search finds a phrase across line and page breaks, ignoring case, in record order', () => {
  const texts = [
    { record: 0, text: 'She keeps up a home\nexercise program.' },
    { record: 1, text: null },
    { record: 2, text: 'HOME   EXERCISE daily.\fPage two: home exercise again.' },
  ];
  const hits = searchRecords(texts, ' home exercise ');
  assert.deepEqual(hits.map((h) => h.record), [0, 2, 2]);
  assert.equal(texts[0].text.slice(hits[0].start, hits[0].end), 'home\nexercise');
  assert.equal(pageAt(texts[2].text, hits[1].start), 0);
  assert.equal(pageAt(texts[2].text, hits[2].start), 1);
  assert.deepEqual(searchRecords(texts, '   '), []);
  assert.equal(phrasePattern('a.b (c)').test('A.B   (C)'), true);
  assert.equal(phrasePattern('a.b').test('axb'), false, 'punctuation is literal');
});

test('a snippet is one line around the hit', () => {
  const text = 'x'.repeat(100) + ' the\nhit here ' + 'y'.repeat(100);
  const s = snippet(text, 101, 108, 10);
  assert.equal(s.match, 'the hit');
  assert.ok(s.before.startsWith('…') && s.after.endsWith('…'));
  assert.ok(!/\n/.test(s.before + s.match + s.after));
});

// A flag that is false says what its absence says (the server reads both as false).
const withoutFalse = (app) => Object.fromEntries(Object.entries(app).filter(([, v]) => v !== false));

test('the intake form holds every example application and gives it back unchanged', () => {
  const dir = path.join(repo, 'examples/applications');
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const app = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    assert.deepEqual(withoutFalse(applicationFromForm(formFromApplication(app))), withoutFalse(app), name);
  }
});

test('a blank form gives no blank fields, and an unsigned application no signer', () => {
  const f = blankApplication();
  f.application_id = ' APP-1 ';
  f.signed = false;
  f.ur_decision.items.push({ request: '', action: 'denied', certified: '', guideline: '' });
  const app = applicationFromForm(f);
  assert.equal(app.application_id, 'APP-1');
  assert.equal(app.signed_by, undefined);
  assert.equal(app.worker, undefined);
  assert.deepEqual(app.ur_decision.items, [], 'items without a request are left out');
});

test('a corpus snippet splits into plain and marked parts, whatever the marks', () => {
  assert.deepEqual(snippetParts('…the «lumbar» spine «MRI» was'), [
    { text: '…the ', mark: false },
    { text: 'lumbar', mark: true },
    { text: ' spine ', mark: false },
    { text: 'MRI', mark: true },
    { text: ' was', mark: false },
  ]);
  assert.deepEqual(snippetParts('no marks'), [{ text: 'no marks', mark: false }]);
  assert.deepEqual(snippetParts('an «open mark'), [{ text: 'an «open mark', mark: false }], 'an unclosed mark is text');
  assert.deepEqual(snippetParts(''), []);
  assert.deepEqual(snippetParts(null), []);
  assert.equal(snippetParts('<b>«x»</b>').map((p) => p.text).join(''), '<b>x</b>', 'markup stays text');
});

test('rates read with their counts and 95% interval', () => {
  const r = { items: 100, overturned: 10, rate: 0.1, low: 0.0552, high: 0.1744 };
  assert.equal(percent(0.1), '10.0%');
  assert.equal(rateText(r), '10.0% (5.5–17.4%)');
  assert.equal(rateSentence(r), 'overturned 10 of 100 (10.0%; 95% interval 5.5–17.4%)');
  assert.equal(rateText({ items: 0 }), '—');
  assert.match(rateSentence({ items: 0 }), /no past decisions/);
});

test('the corpus query leaves out empty filters and keeps a fixed order', () => {
  const q = corpusQuery({ q: ' lumbar mri ', region: '', decision: 'overturned', year: 2019, unknown: 'x' }, { limit: 20, offset: 0, order: '' });
  assert.equal(q, 'q=lumbar+mri&decision=overturned&year=2019&limit=20&offset=0');
  assert.equal(corpusQuery({}), '');
  assert.equal(pageText(20, 20, 97), '21–40 of 97');
  assert.equal(pageText(0, 0, 0), 'No items');
});
