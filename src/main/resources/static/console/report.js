// "Rapport des litiges": an uploaded complaint history decided on the active rules, drawn as bar
// tables (each bar is decoration; the numbers are in the table), and the same report as XLSX.
import { h, field, facts, saveBlob } from './dom.js';
import { t, number } from './i18n.js';
import { call } from './api.js';
import { failure } from './common.js';
import { complaintsBody } from './change.js';

const REPORT = '/api/v1/reports/disputes';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let last = null;

export async function reportPage() {
  const file = h('input', { type: 'file', id: 'report-file', accept: '.json,.ndjson,.jsonl', required: true });
  const output = h('div', { id: 'report' });
  const xlsx = h('button', { type: 'button', class: 'secondary', id: 'report-xlsx', disabled: true, text: t('report.xlsx'), onclick: async () => {
    const { body, type } = await complaintsBody(file.files[0]);
    const result = await call('POST', REPORT, { body, headers: { 'Content-Type': type }, accept: XLSX, blob: true });
    if (result.ok) saveBlob(result.blob, result.filename || 'litiges.xlsx');
    else output.prepend(failure(result, REPORT));
  } });
  const form = h('form', { class: 'card', id: 'report-form', onsubmit: async event => {
    event.preventDefault();
    if (!file.files.length) return;
    const { body, type } = await complaintsBody(file.files[0]);
    output.replaceChildren(h('p', { text: t('loading') }));
    last = await call('POST', REPORT, { body, headers: { 'Content-Type': type } });
    xlsx.disabled = !last.ok;
    show(output);
  } }, field(t('report.file'), file), h('div', { class: 'row', style: 'gap:.75rem' },
    h('button', { type: 'submit', id: 'report-submit', text: t('report.submit') }), xlsx));
  const page = h('div', {}, h('h1', { text: t('report.title') }), form, output);
  if (last) show(output);
  return page;
}

function show(output) {
  if (!last.ok) {
    output.replaceChildren(failure(last, REPORT));
    return;
  }
  const r = last.body;
  output.replaceChildren(
    h('section', { class: 'card' }, facts([
      [t('report.complaints'), h('span', { id: 'report-count', text: number(r.complaints) })],
      [t('report.unknown'), r.unknownShare === undefined ? '' : `${number(r.unknownShare * 100, 1)} %`],
      [t('report.cost'), number(r.financingCost, 2)],
    ])),
    h('div', { class: 'charts' },
      chart(t('report.byCause'), r.byCause, item => [item.cause, item.subCause].filter(Boolean).join(' / ')),
      chart(t('report.byDepartment'), r.byDepartment, label),
      chart(t('report.byChannel'), r.byChannel, label),
      chart(t('report.byMonth'), r.byMonth, label)));
}

/** The item's naming field(s): whatever is not a number. */
function label(item) {
  return Object.entries(item).filter(([, v]) => typeof v === 'string').map(([, v]) => v).join(' / ');
}

function chart(title, items = [], name) {
  const max = Math.max(1, ...items.map(i => i.count || 0));
  return h('section', { class: 'card chart' }, h('table', { class: 'bars' }, h('caption', {}, h('h2', { text: title })),
    h('thead', {}, h('tr', {}, [t('report.label'), t('report.count'), t('report.amount'), t('report.financing'), t('report.bar')]
      .map(text => h('th', { scope: 'col', text })))),
    h('tbody', {}, items.map(item => h('tr', {},
      h('th', { scope: 'row', text: name(item) }),
      h('td', { class: 'num', text: number(item.count) }),
      h('td', { class: 'num', text: number(item.amountAtRisk, 2) }),
      h('td', { class: 'num', text: number(item.financingCost, 2) }),
      h('td', { class: 'barcell', 'aria-hidden': 'true' }, h('span', { class: 'bar', style: `width:${(100 * (item.count || 0)) / max}%` })))))));
}
