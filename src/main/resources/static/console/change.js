// "Modifier": upload changed files as a candidate, read its errors, scenario results, row-level
// diff and impact on replayed complaints, then publish it with a message.
import { h, field, facts, announce, uid } from './dom.js';
import { t, number, instant } from './i18n.js';
import { call } from './api.js';
import { failure, problemList, fileLink } from './common.js';

const CANDIDATES = '/api/v1/rulesets/candidates';
let candidate = null;
let impact = null;
let published = null;

export async function changePage() {
  const page = h('div', {}, h('h1', { text: t('change.title') }), h('p', { class: 'hint', text: t('change.hint') }));
  const known = await call('GET', '/api/v1/console/files');
  const paths = known.ok ? known.body.files.map(f => f.path) : [];
  const chosen = h('div', { id: 'paths' });
  const picker = h('input', { type: 'file', id: 'change-files', name: 'files', multiple: true, accept: '.xlsx,.drl', onchange: () => {
    chosen.replaceChildren(...[...picker.files].map(file => pathField(file, paths)));
  } });
  const output = h('div', { id: 'candidate' });
  const removals = h('details', {}, h('summary', { text: t('change.delete') }), h('div', { class: 'checks' },
    paths.map(path => h('label', {}, h('input', { type: 'checkbox', name: 'delete', value: path }), path))));
  const form = h('form', { class: 'card', id: 'change-form', onsubmit: async event => {
    event.preventDefault();
    if (!picker.files.length && !removals.querySelector('input:checked')) {
      output.replaceChildren(h('div', { class: 'error', role: 'alert', text: t('change.noFile') }));
      return;
    }
    const body = new FormData();
    [...picker.files].forEach((file, i) => body.append('files', file, chosen.querySelectorAll('input.target-path')[i].value.trim() || file.name));
    removals.querySelectorAll('input:checked').forEach(box => body.append('delete', box.value));
    submit.disabled = true;
    const result = await call('POST', CANDIDATES, { body });
    submit.disabled = false;
    impact = null;
    published = null;
    if (result.ok) {
      candidate = result.body;
      show(output);
      announce(t('cand.title', { id: candidate.id }));
    } else {
      candidate = null;
      output.replaceChildren(failure(result, CANDIDATES));
      if (result.missing) output.append(h('p', {}, t('change.reloadHint'), ' ', h('a', { href: '#/regles', text: t('rules.reload') })));
    }
  } }, field(t('change.files'), picker), chosen, removals);
  const submit = h('button', { type: 'submit', id: 'check-change', text: t('change.submit') });
  form.append(submit);
  page.append(form, output);
  if (candidate) show(output);
  return page;
}

/** The browser only knows a file's name; the analyst confirms its path in the ruleset. */
function pathField(file, paths) {
  const guess = paths.find(path => path.split('/').pop() === file.name)
    || (file.name.toLowerCase().endsWith('.drl') ? `rules/${file.name}` : `decision-tables/${file.name}`);
  const listId = uid('paths');
  const wrapper = field(t('change.pathFor', { name: file.name }),
    h('input', { type: 'text', value: guess, list: listId, required: true, size: '50', class: 'target-path' }));
  wrapper.append(h('datalist', { id: listId }, paths.map(path => h('option', { value: path }))));
  return wrapper;
}

function show(output) {
  const c = candidate;
  const ready = c.status === 'READY';
  const scenarios = c.scenarios || { run: 0, passed: 0, failed: [] };
  output.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'cand-h' },
    h('h2', { id: 'cand-h', tabindex: '-1', text: t('cand.title', { id: c.id }) }),
    facts([
      [t('cand.status'), h('span', { class: ready ? 'badge ok' : 'badge bad', id: 'cand-status', text: c.status })],
      [t('cand.base'), h('code', { text: c.baseVersion || '' })],
      ['', instant(c.createdAt)],
    ]),
    (c.errors || []).length ? h('div', { class: 'error', id: 'cand-errors' }, h('h3', { text: t('cand.errors') }), problemList(c.errors, false)) : null,
    h('h3', { text: t('cand.scenarios', { passed: scenarios.passed, run: scenarios.run }) }),
    (scenarios.failed || []).length ? h('div', { class: 'error' }, h('p', { text: t('cand.failed') }), problemList(scenarios.failed, false)) : null),
  changes(c.changes || []), impactSection(), publishSection(ready));
}

function changes(list) {
  const section = h('section', { class: 'card', id: 'diff', 'aria-labelledby': 'diff-h' }, h('h2', { id: 'diff-h', text: t('cand.changes') }));
  if (!list.length) section.append(h('p', { text: t('cand.noChange') }));
  for (const change of list) {
    section.append(h('h3', {}, h('code', { text: change.path }), ` — ${change.kind}`));
    for (const row of change.rows || []) section.append(rowDiff(row));
    if ((change.rules || []).length) {
      section.append(h('ul', {}, change.rules.map(rule => h('li', {}, rule.line && change.kind !== 'ADDED'
        ? h('a', { href: fileLink(change.path, null, null, rule.line), text: t('cand.rule', rule) }) : t('cand.rule', rule)))));
    }
  }
  return section;
}

/** Before and after side by side, one line per column heading, the cells that differ marked. */
function rowDiff(row) {
  const before = row.before || {};
  const after = row.after || {};
  const headings = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const label = t('cand.sheetRow', { sheet: row.sheet, row: row.row });
  return h('table', { class: 'data diff', 'data-sheet': row.sheet, 'data-row': row.row },
    h('caption', {}, `${label} — ${row.change}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '' }), h('th', { scope: 'col', class: 'side-before', text: t('cand.before') }),
      h('th', { scope: 'col', class: 'side-after', text: t('cand.after') }))),
    h('tbody', {}, headings.map(heading => {
      const old = heading in before ? String(before[heading] ?? '') : '';
      const now = heading in after ? String(after[heading] ?? '') : '';
      const changed = old !== now;
      return h('tr', { class: changed ? 'changed-row' : null }, h('th', { scope: 'row', text: heading }),
        h('td', { class: changed ? 'side-before changed' : 'side-before', text: old }),
        h('td', { class: changed ? 'side-after changed' : 'side-after', text: now }));
    })));
}

function impactSection() {
  const name = uid('source');
  const sample = h('input', { type: 'radio', name, value: 'sample', checked: true, id: uid('r') });
  const upload = h('input', { type: 'radio', name, value: 'file', id: uid('r') });
  const file = h('input', { type: 'file', id: 'impact-file', accept: '.json,.ndjson,.jsonl' });
  const output = h('div', { id: 'impact' });
  const run = h('button', { type: 'button', id: 'run-impact', text: t('impact.run'), onclick: async () => {
    run.disabled = true;
    output.replaceChildren(h('p', { text: t('loading') }));
    let body;
    let type = 'application/x-ndjson';
    if (upload.checked) {
      if (!file.files.length) { run.disabled = false; output.replaceChildren(h('div', { class: 'error', text: t('change.noFile') })); return; }
      ({ body, type } = await complaintsBody(file.files[0]));
    } else {
      const shipped = await call('GET', '/api/v1/console/replay-sample');
      if (!shipped.ok) { run.disabled = false; output.replaceChildren(h('div', { class: 'notice', text: t('impact.noSample') })); return; }
      body = shipped.text;
    }
    const path = `${CANDIDATES}/${encodeURIComponent(candidate.id)}/impact`;
    const result = await call('POST', path, { body, headers: { 'Content-Type': type } });
    run.disabled = false;
    impact = result;
    showImpact(output, path);
  } });
  const section = h('section', { class: 'card', 'aria-labelledby': 'impact-h' }, h('h2', { id: 'impact-h', text: t('impact.title') }),
    h('fieldset', {}, h('legend', { text: t('impact.source') }),
      h('label', { for: sample.id, style: 'font-weight:400' }, sample, ' ', t('impact.sample')),
      h('label', { for: upload.id, style: 'font-weight:400' }, upload, ' ', t('impact.upload')),
      field(t('impact.file'), file)),
    run, output);
  if (impact) showImpact(output, CANDIDATES);
  return section;
}

/** A JSON file ({"complaints": [...]} or an array) goes as JSON, anything else as NDJSON. */
export async function complaintsBody(file) {
  const text = await file.text();
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') {
    try {
      const parsed = JSON.parse(text);
      return { body: JSON.stringify(Array.isArray(parsed) ? { complaints: parsed } : parsed), type: 'application/json' };
    } catch (e) {
      // one JSON object a line: NDJSON
    }
  }
  return { body: text, type: 'application/x-ndjson' };
}

function showImpact(output, path) {
  if (!impact.ok) {
    output.replaceChildren(failure(impact, path));
    return;
  }
  const i = impact.body;
  const fields = Object.entries(i.byField || {});
  const max = Math.max(1, ...fields.map(([, n]) => n));
  output.replaceChildren(
    facts([
      [t('impact.decided'), number(i.decided)], [t('impact.failed'), number(i.failed)],
      [t('impact.changed'), h('span', { id: 'impact-changed', text: number(i.changed) })],
      [t('impact.costBefore'), number(i.financingCostBefore, 2)], [t('impact.costAfter'), number(i.financingCostAfter, 2)],
    ]),
    h('table', { class: 'bars', id: 'impact-fields' }, h('caption', { text: t('impact.byField') }),
      h('tbody', {}, fields.map(([name, n]) => h('tr', {}, h('th', { scope: 'row', text: name }), h('td', { class: 'num', text: number(n) }),
        h('td', { class: 'barcell', 'aria-hidden': 'true' }, h('span', { class: 'bar', style: `width:${(100 * n) / max}%` })))))),
    (i.examples || []).length ? h('table', { class: 'data' }, h('caption', { text: t('impact.examples') }),
      h('thead', {}, h('tr', {}, [t('impact.complaint'), t('impact.field'), t('cand.before'), t('cand.after')].map(text => h('th', { scope: 'col', text })))),
      h('tbody', {}, i.examples.map(e => h('tr', {}, h('td', { text: e.complaintId }), h('td', { text: e.field }),
        h('td', { text: JSON.stringify(e.before) }), h('td', { text: JSON.stringify(e.after) }))))) : (i.changed === 0 ? h('p', { id: 'impact-none', text: t('impact.none') }) : ''));
}

function publishSection(ready) {
  const message = h('textarea', { id: 'publish-message', rows: '2', maxlength: '500', required: true });
  const output = h('div', { id: 'publish-result' });
  const form = h('form', { class: 'card', 'aria-labelledby': 'publish-h', onsubmit: async event => {
    event.preventDefault();
    const path = `${CANDIDATES}/${encodeURIComponent(candidate.id)}/publish`;
    const result = await call('POST', path, { json: { message: message.value } });
    published = result;
    output.replaceChildren(result.ok
      ? h('div', { class: 'success', role: 'status', text: t('publish.done', { version: result.body.version }) })
      : failure(result, path));
  } }, h('h2', { id: 'publish-h', text: t('publish.title') }),
  ready ? null : h('p', { class: 'notice', text: t('publish.refused') }),
  field(t('publish.message'), message), h('button', { type: 'submit', id: 'publish', disabled: !ready, text: t('publish.submit') }), output);
  if (published && published.ok) output.append(h('div', { class: 'success', text: t('publish.done', { version: published.body.version }) }));
  return form;
}

