// "Essayer une réclamation": the common fields as a form, the rest as JSON; the decision with its
// rationale, figures and trace, each trace entry linked to its table row or DRL line.
import { h, field, facts, announce, uid } from './dom.js';
import { t, number, language } from './i18n.js';
import { call } from './api.js';
import { failure, fileLink, where } from './common.js';

const REASONS = ['BILLED_TWICE', 'WRONG_PRICE', 'INVOICE_BEFORE_DELIVERY', 'MISSING_ITEMS', 'WRONG_ITEMS', 'DAMAGED_GOODS',
  'DEFECTIVE_PRODUCT', 'POOR_SERVICE', 'NOT_PAID', 'OTHER'];

// What the analyst typed survives page changes and the language switch, in memory only.
const form = {
  complaintId: 'CONSOLE-1', receivedOn: new Date().toISOString().slice(0, 10), text: '', reasons: [],
  customerId: 'K-1', customerType: 'BUSINESS',
  invoice: { number: 'F-1', issuedOn: '', dueOn: '', amount: '', currency: 'EUR', status: 'OPEN', paymentTermsDays: '' },
  extra: '',
};
let last = null;

function input(type, value, onchange, extra = {}) {
  return h('input', { type, value, oninput: event => onchange(event.target.value), ...extra });
}

function select(options, value, onchange) {
  return h('select', { onchange: event => onchange(event.target.value) },
    options.map(option => h('option', { value: option, text: option, selected: option === value ? 'selected' : null })));
}

export async function tryPage() {
  const page = h('div', {}, h('h1', { text: t('try.title') }));
  const invoice = form.invoice;
  const reasons = h('fieldset', {}, h('legend', { text: t('try.reasons') }), h('div', { class: 'checks' }, REASONS.map(code => {
    const box = h('input', { type: 'checkbox', value: code, name: 'reason', checked: form.reasons.includes(code), onchange: event => {
      form.reasons = event.target.checked ? [...form.reasons, code] : form.reasons.filter(r => r !== code);
    } });
    return h('label', {}, box, code);
  })));
  const extra = h('textarea', { class: 'code', rows: '5', name: 'extra', spellcheck: 'false', oninput: e => { form.extra = e.target.value; } });
  extra.value = form.extra;
  const text = h('textarea', { rows: '4', name: 'text', oninput: e => { form.text = e.target.value; } });
  text.value = form.text;
  const result = h('div', { id: 'decision-result' });
  const formEl = h('form', { id: 'try-form', class: 'card', onsubmit: async event => {
    event.preventDefault();
    await decide(result);
  } },
  h('div', { class: 'row' },
    field(t('try.id'), input('text', form.complaintId, v => { form.complaintId = v; }, { name: 'complaintId', required: true, maxlength: '64' })),
    field(t('try.receivedOn'), input('date', form.receivedOn, v => { form.receivedOn = v; }, { name: 'receivedOn', required: true }))),
  field(t('try.text'), text),
  reasons,
  h('fieldset', {}, h('legend', { text: t('try.customer') }), h('div', { class: 'row' },
    field(t('try.customerId'), input('text', form.customerId, v => { form.customerId = v; }, { name: 'customerId', required: true })),
    field(t('try.customerType'), select(['BUSINESS', 'CONSUMER'], form.customerType, v => { form.customerType = v; })))),
  h('fieldset', {}, h('legend', { text: t('try.invoice') }), h('p', { class: 'hint', text: t('try.invoiceNone') }), h('div', { class: 'row' },
    field(t('try.number'), input('text', invoice.number, v => { invoice.number = v; }, { name: 'invoiceNumber' })),
    field(t('try.issuedOn'), input('date', invoice.issuedOn, v => { invoice.issuedOn = v; }, { name: 'issuedOn' })),
    field(t('try.dueOn'), input('date', invoice.dueOn, v => { invoice.dueOn = v; }, { name: 'dueOn' }))), h('div', { class: 'row' },
    field(t('try.amount'), input('number', invoice.amount, v => { invoice.amount = v; }, { name: 'amount', min: '0', step: '0.01' })),
    field(t('try.currency'), input('text', invoice.currency, v => { invoice.currency = v; }, { name: 'currency', maxlength: '3' })),
    field(t('try.status'), select(['OPEN', 'OVERDUE', 'PAID'], invoice.status, v => { invoice.status = v; })),
    field(t('try.terms'), input('number', invoice.paymentTermsDays, v => { invoice.paymentTermsDays = v; }, { name: 'terms', min: '0', max: '365' })))),
  field(t('try.json'), extra, t('try.jsonHint')),
  h('button', { type: 'submit', id: 'decide', text: t('try.submit') }));
  page.append(h('div', { class: 'two' }, formEl, result));
  if (last) show(result, last);
  return page;
}

function isObject(value) {
  return value && typeof value === 'object' && !Array.isArray(value);
}

function merge(base, extra) {
  for (const [key, value] of Object.entries(extra)) {
    base[key] = isObject(value) && isObject(base[key]) ? merge(base[key], value) : value;
  }
  return base;
}

function complaint() {
  const body = {
    complaintId: form.complaintId, receivedOn: form.receivedOn, text: form.text || undefined,
    reportedReasons: form.reasons, customer: { id: form.customerId, type: form.customerType }, invoices: [],
  };
  const invoice = form.invoice;
  if (invoice.number) {
    const entry = { number: invoice.number, currency: invoice.currency || 'EUR', status: invoice.status };
    if (invoice.issuedOn) entry.issuedOn = invoice.issuedOn;
    if (invoice.dueOn) entry.dueOn = invoice.dueOn;
    if (invoice.amount !== '') entry.amount = Number(invoice.amount);
    if (invoice.paymentTermsDays !== '') entry.paymentTermsDays = Number(invoice.paymentTermsDays);
    body.invoices.push(entry);
  }
  if (form.extra.trim()) merge(body, JSON.parse(form.extra));
  return body;
}

async function decide(result) {
  let body;
  try {
    body = complaint();
  } catch (e) {
    result.replaceChildren(h('div', { class: 'error', role: 'alert', text: t('try.badJson', { detail: e.message }) }));
    return;
  }
  const answer = await call('POST', '/api/v1/decisions', { json: body, headers: { 'Accept-Language': language() } });
  last = answer;
  show(result, answer);
  announce(answer.ok ? t('decision.title') : t('try.invalid'));
  const heading = result.querySelector('h2');
  if (heading) heading.focus();
}

function show(result, answer) {
  if (!answer.ok) {
    result.replaceChildren(h('h2', { tabindex: '-1', text: t('try.invalid') }), failure(answer));
    return;
  }
  const d = answer.body;
  const c = d.classification || {};
  const r = d.routing || {};
  const res = d.resolution || {};
  const p = d.paymentImpact || {};
  const money = value => (value === null || value === undefined ? '' : `${number(value, 2)} ${p.currency || ''}`);
  result.replaceChildren(
    h('h2', { tabindex: '-1', text: t('decision.title') }),
    h('section', { class: 'card' }, facts([
      [t('decision.cause'), `${c.primaryCause} / ${c.subCause}`],
      [t('decision.confidence'), c.confidence],
      [t('decision.department'), r.department],
      [t('decision.also'), (r.alsoInvolved || []).join(', ')],
      [t('decision.priority'), r.priority],
      [t('decision.channel'), res.recommendedChannel],
      [t('decision.escalation'), (res.escalationPath || []).join(' → ')],
      [t('decision.actions'), (res.actions || []).join(', ')],
      [t('decision.rationale'), h('span', { id: 'rationale', text: res.rationale || '' })],
      [t('decision.ruleset'), d.ruleset ? String(d.ruleset.version) : ''],
    ])),
    h('section', { class: 'card' }, h('h3', { text: t('decision.causes') }), h('ul', {}, (c.causes || []).map(cause =>
      h('li', {}, h('strong', { text: `${cause.cause} / ${cause.subCause} (${cause.confidence})` }),
        (cause.evidence || []).length ? h('ul', {}, cause.evidence.map(e => h('li', { text: e }))) : null)))),
    h('section', { class: 'card' }, h('h3', { text: t('decision.impact') }), facts([
      [t('decision.amountAtRisk'), money(p.amountAtRisk)],
      [t('decision.days'), p.expectedResolutionDays],
      [t('decision.resolutionOn'), p.expectedResolutionOn],
      [t('decision.paymentOn'), p.expectedPaymentOn],
      [t('decision.delay'), p.delayDays],
      [t('decision.rate'), p.annualFinancingRate],
      [t('decision.cost'), money(p.financingCost)],
      [t('decision.policy'), p.policy],
    ])),
    h('section', { class: 'card' }, h('h3', { text: t('decision.trace') }), traceTable(d.trace || [])));
}

function traceTable(trace) {
  const caption = uid('trace');
  return h('div', { style: 'overflow:auto; max-height: 50vh' }, h('table', { class: 'data', id: 'trace', 'aria-describedby': caption },
    h('caption', { id: caption, class: 'visually-hidden', text: t('decision.trace') }),
    h('thead', {}, h('tr', {}, ['#', t('decision.rule'), t('decision.source'), t('decision.where'), ''].map(text => h('th', { scope: 'col', text })))),
    h('tbody', {}, trace.map((entry, i) => h('tr', {},
      h('td', { class: 'num', text: i + 1 }),
      h('td', { text: entry.ruleName }),
      h('td', {}, h('code', { text: entry.source || '' })),
      h('td', { text: where(entry) }),
      h('td', {}, entry.source && (entry.row || entry.line)
        ? h('a', { href: fileLink(entry.source, entry.sheet, entry.row, entry.line), class: 'open-trace',
          'aria-label': `${t('decision.open')} ${entry.source} ${where(entry)}`, text: t('decision.open') }) : null))))));
}

