// "Règles actives": the active version, its history, the files; and one file drawn like the
// spreadsheet (sheet tabs, rows) or as highlighted DRL, with how many scenarios fire each rule.
import { h, facts, announce, saveBlob } from './dom.js';
import { t, instant, number } from './i18n.js';
import { call, pathOf } from './api.js';
import { failure, fileLink, problemList } from './common.js';

let reloadOutcome = null;

export async function rulesPage() {
  const [active, versions, files] = await Promise.all([
    call('GET', '/api/v1/ruleset'), call('GET', '/api/v1/rulesets'), call('GET', '/api/v1/console/files')]);
  const page = h('div', {}, h('h1', { text: t('rules.title') }));
  if (!active.ok) {
    page.append(failure(active, '/api/v1/ruleset'));
    return page;
  }
  const ruleset = active.body;
  const published = versions.ok ? (versions.body.versions || []).find(v => v.active) : null;
  const reload = h('button', { type: 'button', class: 'secondary', id: 'reload', text: t('rules.reload'), onclick: async () => {
    reload.disabled = true;
    const result = await call('POST', '/api/v1/ruleset/reload');
    reloadOutcome = result;
    announce(result.ok ? t('rules.reloaded', { version: result.body.version }) : t('rules.refused'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } });
  const summary = h('section', { class: 'card', 'aria-labelledby': 'active-h' }, h('h2', { id: 'active-h', text: t('rules.version') }),
    facts([
      [t('rules.version'), h('code', { id: 'active-version', text: ruleset.version })],
      [t('rules.hash'), h('code', { text: ruleset.hash })],
      [t('rules.loadedAt'), instant(ruleset.loadedAt)],
      [t('history.publishedBy'), published ? published.publishedBy : null],
      [t('history.publishedAt'), published ? instant(published.publishedAt) : null],
      [t('history.message'), published ? published.message : null],
      [t('rules.count'), number(ruleset.ruleCount)],
      [t('rules.lastReload'), ruleset.lastReload ? `${ruleset.lastReload.outcome} — ${instant(ruleset.lastReload.at)} (${ruleset.lastReload.trigger})` : t('none')],
    ]), h('p', {}, reload));
  if (reloadOutcome) {
    summary.append(reloadOutcome.ok
      ? h('div', { class: 'success', role: 'status', text: t('rules.reloaded', { version: reloadOutcome.body.version }) })
      : reloadBox(reloadOutcome));
    reloadOutcome = null;
  } else if (ruleset.lastReload && ruleset.lastReload.outcome === 'REFUSED' && ruleset.lastReload.errors.length) {
    summary.append(h('div', { class: 'error' }, h('p', { text: t('rules.refused') }), problemList(ruleset.lastReload.errors, true, { folders: true })));
  }
  const paths = files.ok ? files.body.files.map(f => f.path) : ruleset.files.map(f => f.path);
  page.append(h('div', { class: 'overview' }, summary, fileList(files.ok ? files.body.files : ruleset.files)));
  page.append(history(versions, ruleset, paths));
  return page;
}

function reloadBox(result) {
  const problem = result.problem || {};
  if (result.status !== 422) return failure(result, '/api/v1/ruleset/reload');
  return h('div', { class: 'error', role: 'alert', id: 'reload-errors' }, h('p', { text: t('rules.refused') }),
    problemList(problem.errors || [], true, { folders: true }));
}

function history(versions, ruleset, paths) {
  const section = h('section', { class: 'card', 'aria-labelledby': 'history-h' }, h('h2', { id: 'history-h', text: t('history.title') }));
  let rows;
  if (versions.ok) {
    rows = versions.body.versions;
  } else {
    section.append(versions.missing ? h('p', { class: 'notice', text: t('history.fallback') }) : failure(versions));
    rows = [{ version: ruleset.version, hash: ruleset.hash, publishedAt: ruleset.loadedAt, publishedBy: '', message: '', active: true }];
  }
  const table = h('table', { class: 'data', id: 'history' },
    h('thead', {}, h('tr', {}, [t('rules.version'), t('history.publishedAt'), t('history.publishedBy'), t('history.message'), t('history.active'), '']
      .map(text => h('th', { scope: 'col', text })))),
    h('tbody', {}, rows.map(version => h('tr', { 'data-version': version.version, 'data-active': version.active ? 'true' : null },
      h('td', {}, h('code', { title: version.version, text: shortVersion(version.version) })),
      h('td', { text: instant(version.publishedAt) }),
      h('td', { text: version.publishedBy || '' }),
      h('td', { text: version.message || '' }),
      h('td', { text: version.active ? t('yes') : '' }),
      h('td', {}, versions.ok ? versionActions(version, paths) : null)))));
  section.append(h('div', { style: 'overflow:auto; max-height: 40vh' }, table));
  return section;
}

/** Git commit ids are long: 12 digits tell them apart; shorter ids are shown whole. */
function shortVersion(version) {
  const text = String(version);
  return text.length > 32 ? text.slice(0, 12) : text;
}

function versionActions(version, paths) {
  const out = h('div', { class: 'row', style: 'align-items:center; gap:.5rem' });
  if (!version.active) {
    out.append(h('button', { type: 'button', class: 'secondary activate', onclick: async event => {
      if (!window.confirm(t('history.confirm', { version: version.version }))) return;
      event.target.disabled = true;
      const result = await call('POST', `/api/v1/rulesets/${encodeURIComponent(version.version)}/activate`);
      if (result.ok) {
        announce(t('history.activated', { version: version.version }));
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } else {
        out.append(failure(result));
        event.target.disabled = false;
      }
    } }, t('history.activate')));
  }
  const select = h('select', { 'aria-label': `${t('history.file')} — ${String(version.version).slice(0, 12)}` },
    paths.map(path => h('option', { value: path, text: path })));
  out.append(select,
    h('button', { type: 'button', class: 'secondary view', onclick: () => { location.hash = fileLink(select.value, null, null, null, { version: version.version }); } },
      t('history.view')),
    h('button', { type: 'button', class: 'secondary download', onclick: () => download(version.version, select.value, out) }, t('history.get')));
  return out;
}

async function download(version, path, where) {
  const result = await call('GET', `/api/v1/rulesets/${encodeURIComponent(version)}/files/${pathOf(path)}`, { blob: true });
  if (result.ok) saveBlob(result.blob, path.split('/').pop());
  else where.append(failure(result, `/api/v1/rulesets/{version}/files/{path}`));
}

function fileList(files) {
  return h('section', { class: 'card', 'aria-labelledby': 'files-h' }, h('h2', { id: 'files-h', text: t('files.title') }),
    h('ul', { class: 'files', id: 'files' }, files.map(file => h('li', {},
      h('a', { href: fileLink(file.path) }, h('span', { text: file.path }),
        h('span', { class: 'count', text: file.type === 'SCENARIOS' ? t('files.scenarios') : t('files.rules', { n: file.ruleCount }) }))))));
}

export async function filePage(params) {
  const path = params.get('path') || '';
  const query = new URLSearchParams();
  if (params.get('version')) query.set('version', params.get('version'));
  if (params.get('dossier')) query.set('workingFolders', 'true');
  const result = await call('GET', `/api/v1/console/files/${pathOf(path)}${query.toString() ? `?${query}` : ''}`);
  const page = h('div', {}, h('p', {}, h('a', { href: '#/regles', text: t('files.back') })), h('h1', { text: path }));
  if (!result.ok) {
    page.append(failure(result));
    return page;
  }
  const file = result.body;
  // what the analyst reads here: the version that decides, an older one, or the folders' draft
  const origin = file.workingFolders ? t('file.fromFolders')
    : t(file.active ? 'file.fromActive' : 'file.fromVersion', { version: shortVersion(file.version) });
  page.append(h('p', { id: 'file-origin', class: file.active ? 'hint' : 'notice', 'data-version': file.version || '' }, origin));
  if (file.scenarios !== null && file.scenarios !== undefined) page.append(h('p', { class: 'hint', text: t('file.coverHint', { n: file.scenarios }) }));
  if (file.type === 'XLSX') page.append(grid(file, params.get('sheet'), Number(params.get('row')) || null));
  else page.append(drl(file, Number(params.get('line')) || null));
  return page;
}

/** Sheet tabs (arrow keys move between them) over one grid per sheet, as in the spreadsheet. */
function grid(file, wantedSheet, wantedRow) {
  const coverage = new Map();
  file.rules.forEach(rule => { if (rule.sheet) coverage.set(`${rule.sheet}\u0000${rule.row}`, rule.scenarios); });
  const visible = file.sheets;
  let selected = Math.max(0, visible.findIndex(s => s.name === wantedSheet));
  const tabs = h('div', { role: 'tablist', 'aria-label': t('file.sheets') });
  const panels = h('div', {});
  const tabButtons = visible.map((sheet, i) => {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${i}`, 'aria-controls': `panel-${i}`,
      'aria-selected': String(i === selected), tabindex: i === selected ? '0' : '-1', 'data-sheet': sheet.name,
      onclick: () => select(i), onkeydown: event => {
        const step = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: visible.length - 1 - i }[event.key];
        if (step === undefined) return;
        event.preventDefault();
        const next = (i + step + visible.length) % visible.length;
        select(next);
        tabButtons[next].focus();
      } }, sheet.name, sheet.hidden ? ` ${t('file.hidden')}` : '');
    tabs.append(tab);
    return tab;
  });
  const sheetPanels = visible.map((sheet, i) => {
    const panel = h('div', { role: 'tabpanel', id: `panel-${i}`, 'aria-labelledby': `tab-${i}`, hidden: i !== selected });
    panel.append(sheetTable(sheet, coverage, i === selected ? wantedRow : null));
    if (sheet.truncated) panel.append(h('p', { class: 'notice', text: t('file.truncated', { n: sheet.rows.length }) }));
    panels.append(panel);
    return panel;
  });
  function select(index) {
    selected = index;
    tabButtons.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      sheetPanels[i].hidden = i !== index;
    });
  }
  // the technical rows the workbook hides (RuleTable, CONDITION, code) stay folded, as in the spreadsheet,
  // unless asked for, or unless the row looked for is one of them
  const wrapper = h('div', { class: 'sheets' }, tabs, panels);
  const wantedHidden = wantedRow && visible[selected] && visible[selected].rows.some(r => r.row === wantedRow && r.hidden);
  const masked = visible.reduce((n, sheet) => n + sheet.rows.filter(r => r.hidden).length, 0);
  if (!masked) return wrapper;
  const toggle = h('input', { type: 'checkbox', id: 'show-hidden', checked: wantedHidden, onchange: () => {
    wrapper.classList.toggle('show-hidden', toggle.checked);
  } });
  wrapper.classList.toggle('show-hidden', Boolean(wantedHidden));
  return h('div', {}, h('p', {}, h('label', { for: 'show-hidden', style: 'font-weight:400' }, toggle, ' ', t('file.showHidden', { n: masked }))),
    wrapper);
}

function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function sheetTable(sheet, coverage, wantedRow) {
  const headers = [h('th', { scope: 'col', text: t('file.row') })];
  for (let c = 0; c < sheet.columns; c++) headers.push(h('th', { scope: 'col', text: columnName(c) }));
  const counted = coverage.size > 0;
  if (counted) headers.push(h('th', { scope: 'col', text: t('file.covered') }));
  const body = sheet.rows.map(row => {
    const count = coverage.get(`${sheet.name}\u0000${row.row}`);
    const highlighted = row.row === wantedRow;
    const cells = [];
    for (let c = 0; c < sheet.columns; c++) cells.push(h('td', { text: row.cells[c] ?? '' }));
    const classes = [highlighted ? 'hl' : '', row.hidden ? 'masked' : ''].join(' ').trim();
    return h('tr', { 'data-row': row.row, class: classes || null, 'aria-current': highlighted ? 'location' : null },
      h('th', { scope: 'row', text: row.row, tabindex: highlighted ? '-1' : null, 'data-autofocus': highlighted ? '' : null,
        'aria-label': highlighted ? t('file.rowHere', { row: row.row, sheet: sheet.name }) : null }),
      cells,
      counted ? h('td', { class: count === 0 ? 'cov none' : 'cov', text: count === undefined ? '' : count }) : null);
  });
  return h('div', { class: 'grid-wrap', role: 'region', tabindex: '0', 'aria-label': t('file.sheetGrid', { sheet: sheet.name }) },
    h('table', { class: 'grid' }, h('caption', { class: 'visually-hidden', text: t('file.sheetGrid', { sheet: sheet.name }) }),
      h('thead', {}, h('tr', {}, headers)), h('tbody', {}, body)));
}

const KEYWORDS = new Set(['package', 'import', 'rule', 'when', 'then', 'end', 'salience', 'no-loop', 'lock-on-active', 'agenda-group', 'ruleflow-group',
  'activation-group', 'declare', 'function', 'global', 'query', 'extends', 'not', 'exists', 'and', 'or', 'eval', 'from', 'collect',
  'accumulate', 'forall', 'modify', 'insert', 'insertLogical', 'update', 'retract', 'delete', 'true', 'false', 'null', 'dialect',
  'matches', 'contains', 'memberOf', 'in', 'this', 'new', 'if', 'else', 'return', 'for']);

/** Splits one DRL line into coloured tokens; a block comment may span lines, hence the state. */
function tokens(line, state) {
  const out = [];
  let i = 0;
  let plain = '';
  const flush = () => { if (plain) { out.push(plain); plain = ''; } };
  while (i < line.length) {
    if (state.comment) {
      const close = line.indexOf('*/', i);
      const stop = close < 0 ? line.length : close + 2;
      out.push(h('span', { class: 'tok-com', text: line.slice(i, stop) }));
      if (close >= 0) state.comment = false;
      i = stop;
      continue;
    }
    const rest = line.slice(i);
    let match;
    if (rest.startsWith('//') || rest.startsWith('#')) { flush(); out.push(h('span', { class: 'tok-com', text: rest })); break; }
    if (rest.startsWith('/*')) { flush(); state.comment = true; continue; }
    if ((match = /^"(?:[^"\\]|\\.)*"?/.exec(rest))) { flush(); out.push(h('span', { class: 'tok-str', text: match[0] })); i += match[0].length; continue; }
    if ((match = /^[A-Za-z_][\w-]*/.exec(rest))) {
      const word = KEYWORDS.has(match[0]) ? match[0] : /^[A-Za-z_]\w*/.exec(rest)[0];
      if (KEYWORDS.has(word)) { flush(); out.push(h('span', { class: 'tok-kw', text: word })); } else plain += word;
      i += word.length;
      continue;
    }
    if ((match = /^\d+(\.\d+)?/.exec(rest))) { flush(); out.push(h('span', { class: 'tok-num', text: match[0] })); i += match[0].length; continue; }
    plain += line[i];
    i += 1;
  }
  flush();
  return out;
}

function drl(file, wantedLine) {
  const byLine = new Map(file.rules.filter(r => r.line).map(r => [r.line, r.scenarios]));
  const state = { comment: false };
  const lines = file.text.split('\n').map((text, index) => {
    const no = index + 1;
    const count = byLine.get(no);
    const highlighted = no === wantedLine;
    return h('div', { class: highlighted ? 'line hl' : 'line', id: `L${no}`, 'data-line': no,
      tabindex: highlighted ? '-1' : null, 'data-autofocus': highlighted ? '' : null, 'aria-current': highlighted ? 'location' : null },
    h('span', { class: 'no', text: no }), h('code', {}, tokens(text, state)),
    h('span', { class: count === 0 ? 'cov none' : 'cov', text: count === undefined ? '' : t('file.scenariosOnLine', { n: count }) }));
  });
  return h('div', { class: 'code', role: 'region', tabindex: '0', 'aria-label': t('file.text', { path: file.path }) }, lines);
}
