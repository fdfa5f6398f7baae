// The decision corpus (docs/corpus.md): published IMR determination letters searched by their
// words and filtered by what the letters say (category, region, drug, decision, specialty,
// guideline, dates, priority), newest first or by relevance, a page at a time; each result
// opens its letter. Beside them, the overturn rate of the same selection by one dimension, as
// a chart with its table (items, overturned, rate, 95% interval).
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { ChartBox, PALETTE } from '../components/BarChart.jsx';
import { DataTable } from '../components/DataTable.jsx';
import { DecisionWord, ErrorBox } from '../components/common.jsx';
import { Snippet } from '../corpus/Snippet.jsx';
import { LetterDialog } from '../corpus/LetterView.jsx';
import { FILTERS, corpusQuery, idLabel, intervalText, pageText, percent, rateText } from '../corpus/format.js';

const PAGE = 20;
const CHART_ROWS = 15;
const DIMENSIONS = [
  ['category', 'Category'],
  ['body_region', 'Body region'],
  ['drug_class', 'Drug class'],
  ['specialty', 'Reviewer specialty'],
  ['section', 'Guideline section cited'],
  ['year', 'Year'],
  ['priority', 'Priority'],
];

const blank = () => Object.fromEntries(FILTERS.map((f) => [f, '']));

function Choice({ id, label, value, onChange, options, testid }) {
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid={testid}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option value={v}>{text}</option>
        ))}
      </select>
    </div>
  );
}

function Field({ id, label, value, onChange, type = 'text', list, testid }) {
  return (
    <div>
      <label for={id}>{label}</label>
      <input id={id} type={type} value={value} list={list} onInput={(e) => onChange(e.currentTarget.value)}
        data-testid={testid} />
    </div>
  );
}

const withCounts = (values) => (values || []).map((v) => [v.value, `${idLabel(v.value)} (${v.items})`]);

function Filters({ facets, form, set }) {
  const f = facets || {};
  return (
    <fieldset class="corpus-filters">
      <legend>Filters</legend>
      <div class="field-grid">
        <Choice id="corpus-category" label="Category" value={form.category} onChange={set('category')}
          options={withCounts(f.category)} testid="corpus-category" />
        <Choice id="corpus-region" label="Body region" value={form.region} onChange={set('region')}
          options={withCounts(f.body_region)} testid="corpus-region" />
        <Field id="corpus-drug" label="Drug or drug class" value={form.drug} onChange={set('drug')} list="corpus-drug-classes"
          testid="corpus-drug" />
        <datalist id="corpus-drug-classes">
          {(f.drug_class || []).map((v) => (
            <option value={v.value} />
          ))}
        </datalist>
        <Choice id="corpus-decision" label="Decision" value={form.decision} onChange={set('decision')}
          options={[['upheld', 'Upheld'], ['overturned', 'Overturned']]} testid="corpus-decision" />
        <Choice id="corpus-specialty" label="Reviewer specialty" value={form.specialty} onChange={set('specialty')}
          options={withCounts(f.specialty)} testid="corpus-specialty" />
        <Choice id="corpus-guideline" label="Guideline cited" value={form.guideline} onChange={set('guideline')}
          options={[['MTUS', 'MTUS'], ['ODG', 'ODG'], ['ACOEM', 'ACOEM'], ['OTHER', 'Other']]} testid="corpus-guideline" />
        <Field id="corpus-section" label="Section cited (part of its name)" value={form.section} onChange={set('section')}
          testid="corpus-section" />
        <Choice id="corpus-priority" label="Priority" value={form.priority} onChange={set('priority')}
          options={[['standard', 'Standard'], ['expedited', 'Expedited']]} testid="corpus-priority" />
        <Choice id="corpus-year" label="Year decided" value={form.year} onChange={set('year')}
          options={[...(f.year || [])].sort((a, b) => (a.value < b.value ? 1 : -1)).map((v) => [v.value, `${v.value} (${v.items})`])}
          testid="corpus-year" />
        <Field id="corpus-from" label="Decided from" type="date" value={form.from} onChange={set('from')} testid="corpus-from" />
        <Field id="corpus-to" label="Decided to" type="date" value={form.to} onChange={set('to')} testid="corpus-to" />
      </div>
    </fieldset>
  );
}

function Results({ result, offset, onPage, onOpen }) {
  const hits = result.hits || [];
  const last = Math.min(result.total, result.max_offset + PAGE);
  return (
    <section aria-labelledby="corpus-results-title" class="card">
      <div class="page-head">
        <h2 class="sub" id="corpus-results-title">Decisions</h2>
        <p class="small" role="status" data-testid="corpus-total">{pageText(offset, hits.length, result.total)}</p>
      </div>
      {hits.length === 0 ? (
        <p class="empty" data-testid="corpus-no-results">No published decision matches.</p>
      ) : (
        <ol class="corpus-results" start={offset + 1} data-testid="corpus-results">
          {hits.map((h) => (
            <li data-testid="corpus-hit">
              <button type="button" class="link-button corpus-request" onClick={() => onOpen(h)} aria-haspopup="dialog"
                data-testid="corpus-hit-open">
                {h.request}
              </button>{' '}
              — <DecisionWord decision={h.decision} />
              <div class="small muted">
                {h.case_number} · {h.decision_date || 'undated'} · {idLabel(h.category)} · {idLabel(h.body_region)}
                {h.specialty ? ` · ${h.specialty}` : ''}
                {h.current ? '' : ' · replaced by an amended letter'}
              </div>
              {h.snippet && (
                <div class="small" data-testid="corpus-snippet">
                  <Snippet text={h.snippet} />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <nav class="pager" aria-label="Pages of decisions">
        <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE))}
          data-testid="corpus-prev">
          ← Previous
        </button>
        <button type="button" disabled={offset + PAGE >= last} onClick={() => onPage(offset + PAGE)} data-testid="corpus-next">
          Next →
        </button>
      </nav>
    </section>
  );
}

function Statistics({ query }) {
  const [by, setBy] = useState('category');
  const [stats, setStats] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    setError(null);
    get(`/api/corpus/stats?${query}${query ? '&' : ''}by=${by}&top=50`).then(setStats, setError);
  }, [query, by]);
  const label = DIMENSIONS.find(([d]) => d === by)[1];
  // Years read in their order; every other dimension most items first (as the API sends them).
  const ordered = by === 'year' ? [...(stats?.rows || [])].sort((a, b) => a.value.localeCompare(b.value)) : stats?.rows || [];
  const rows = by === 'year' ? ordered : ordered.slice(0, CHART_ROWS);
  return (
    <section aria-labelledby="corpus-stats-title" class="card">
      <div class="page-head">
        <h2 class="sub" id="corpus-stats-title">How often reviewers overturned</h2>
        <div>
          <label for="corpus-by" class="inline-label">By</label>{' '}
          <select id="corpus-by" value={by} onChange={(e) => setBy(e.currentTarget.value)} data-testid="corpus-by">
            {DIMENSIONS.map(([d, text]) => (
              <option value={d}>{text}</option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBox error={error} testid="corpus-stats-error" />
      {!stats && !error && <p role="status">Counting…</p>}
      {stats && (
        <>
          <p class="small" data-testid="corpus-stats-total">
            All selected items: {stats.total.items}, overturned {stats.total.overturned} — {rateText(stats.total)}
          </p>
          <ChartBox id="corpus-rate"
            title={`Overturn rate by ${label.toLowerCase()}${rows.length < ordered.length ? ` (the ${rows.length} with most items)` : ''}`}
            labels={rows.map((r) => idLabel(r.value))}
            datasets={[{ label: '% overturned', data: rows.map((r) => Math.round(r.rate * 1000) / 10), backgroundColor: PALETTE[1] }]}
            options={{ indexAxis: 'y', scales: { x: { beginAtZero: true, max: 100, ticks: { callback: (v) => `${v}%` } } } }}>
            <DataTable caption={`Overturn rate by ${label.toLowerCase()}`} testid="corpus-stats-table"
              columns={[label, 'Items', 'Overturned', 'Rate', '95% interval']}
              rows={ordered.map((r) => [
                idLabel(r.value),
                r.items,
                r.overturned,
                percent(r.rate),
                intervalText(r),
              ])} />
            {stats.rows_total > stats.rows.length && (
              <p class="small muted">The {stats.rows.length} largest of {stats.rows_total} shown.</p>
            )}
          </ChartBox>
        </>
      )}
    </section>
  );
}

export function Corpus() {
  const [facets, setFacets] = useState(null);
  const [form, setForm] = useState(blank());
  const [applied, setApplied] = useState(blank());
  const [order, setOrder] = useState('newest');
  const [offset, setOffset] = useState(0);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [open, setOpen] = useState(null);

  useEffect(() => {
    get('/api/corpus/facets').then(setFacets, setError);
  }, []);

  const query = corpusQuery(applied);
  const relevance = order === 'relevance' && applied.q.trim() !== '';
  useEffect(() => {
    setError(null);
    get(`/api/corpus/search?${corpusQuery(applied, { order: relevance ? 'relevance' : '', limit: PAGE, offset })}`).then(
      setResult,
      setError,
    );
  }, [query, relevance, offset]);

  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const search = (e) => {
    e.preventDefault();
    setApplied({ ...form });
    setOffset(0);
  };
  const clear = () => {
    setForm(blank());
    setApplied(blank());
    setOffset(0);
  };

  return (
    <section class="page corpus-page" aria-labelledby="corpus-title">
      <h1 id="corpus-title">Published decisions</h1>
      <p class="muted small">
        IMR final determination letters as published (redacted)
        {facets?.total ? `: ${facets.total.items} items, ${rateText(facets.total)} overturned` : ''}.
      </p>
      <form role="search" aria-label="Search the published decisions" onSubmit={search} data-testid="corpus-search">
        <div class="corpus-searchbar">
          <div class="grow">
            <label for="corpus-q">Words in the request or the rationale (“a phrase” in quotes)</label>
            <input id="corpus-q" type="search" value={form.q} maxLength={200} onInput={(e) => set('q')(e.currentTarget.value)}
              data-testid="corpus-q" />
          </div>
          <div>
            <label for="corpus-order">Order</label>
            <select id="corpus-order" value={order} onChange={(e) => { setOrder(e.currentTarget.value); setOffset(0); }}
              data-testid="corpus-order">
              <option value="newest">Newest first</option>
              <option value="relevance">Most relevant first (with words)</option>
            </select>
          </div>
          <button type="submit" class="primary" data-testid="corpus-submit">Search</button>
          <button type="button" onClick={clear} data-testid="corpus-clear">Clear</button>
        </div>
        <Filters facets={facets} form={form} set={set} />
      </form>
      <ErrorBox error={error} testid="corpus-error" />
      <div class="corpus-columns">
        {result ? <Results result={result} offset={offset} onPage={setOffset} onOpen={setOpen} /> : !error && <p role="status">Searching…</p>}
        <Statistics query={query} />
      </div>
      {open && <LetterDialog letterId={open.letter_id} item={open.position} onClose={() => setOpen(null)} />}
    </section>
  );
}
