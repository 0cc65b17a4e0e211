// Pieces several pages share: how a failed call is told, where a problem sits in a file.
import { h } from './dom.js';
import { t } from './i18n.js';

/** A message for a failed call: "not deployed yet" for a 404, else the problem's own words. */
export function failure(result, path) {
  if (result.missing && path) {
    return h('div', { class: 'notice', role: 'status', 'data-missing': path, text: t('missing', { path }) });
  }
  const problem = result.problem || {};
  const box = h('div', { class: 'error', role: 'alert' },
    h('p', { text: t('failed', { status: result.status, detail: problem.detail || problem.title || '' }) }));
  const errors = problem.errors || [];
  if (errors.length) box.append(problemList(errors));
  return box;
}

/**
 * The route that opens a file at a sheet and row, or at a line: in the active version by default,
 * in another version ({version}), or in the working folders ({folders: true}, where a refused
 * reload's errors are).
 */
export function fileLink(source, sheet, row, line, from = {}) {
  const params = new URLSearchParams({ path: source });
  if (from.version) params.set('version', from.version);
  if (from.folders) params.set('dossier', 'oui');
  if (sheet) params.set('sheet', sheet);
  if (row) params.set('row', row);
  if (line) params.set('line', line);
  return `#/fichier?${params}`;
}

export function where(item) {
  const parts = [];
  if (item.sheet) parts.push(`${item.sheet}`);
  if (item.row) parts.push(`${t('file.row')} ${item.row}`);
  if (item.cell) parts.push(`(${item.cell})`);
  if (item.line) parts.push(t('file.lineHere', { line: item.line }));
  return parts.join(' · ');
}

/**
 * Rule-file errors (file, sheet, row or line, message) and request-field errors (field, message),
 * each rule-file error linked to its place in the file it names (the active version's, or the working
 * folders' with {folders: true}) when it can be opened.
 */
export function problemList(errors, linkable = true, from = {}) {
  return h('ul', { class: 'problems' }, errors.map(error => {
    if (error.field !== undefined && !error.source) {
      return h('li', {}, h('code', { text: error.field }), ' : ', error.message);
    }
    const place = [error.source, where(error)].filter(Boolean).join(' — ');
    const located = linkable && error.source && (error.row || error.line);
    return h('li', {},
      located ? h('a', { href: fileLink(error.source, error.sheet, error.row, error.line, from), text: place }) : h('strong', { text: place }),
      ' : ', error.message);
  }));
}
