// Calls the service with the analyst's credential. The credential lives in this module's memory
// only: never in a URL, a cookie, localStorage or sessionStorage. Reloading the page forgets it.
let credential = null;

export function signIn(kind, value) {
  credential = { kind, value };
}

export function signOut() {
  credential = null;
}

export function signedIn() {
  return credential !== null;
}

function authHeaders() {
  if (!credential) return {};
  return credential.kind === 'key' ? { 'X-API-Key': credential.value } : { Authorization: `Bearer ${credential.value}` };
}

/**
 * One call. Answers {status, ok, missing, body, blob, problem}; never throws for an HTTP error,
 * so a view can show a 404 (feature not deployed) or a 422 as a message instead of breaking.
 */
export async function call(method, path, options = {}) {
  const headers = { ...authHeaders(), ...(options.headers || {}) };
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (options.accept) headers.Accept = options.accept;
  let response;
  try {
    response = await fetch(path, { method, headers, body, cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    return { status: 0, ok: false, missing: false, problem: { title: 'Network', detail: String(e.message || e) } };
  }
  const result = { status: response.status, ok: response.ok, missing: response.status === 404 };
  const type = response.headers.get('Content-Type') || '';
  if (options.blob && response.ok) {
    result.blob = await response.blob();
    result.filename = filenameOf(response.headers.get('Content-Disposition'));
  } else if (type.includes('json') && !type.includes('ndjson')) {
    // NDJSON (one complaint a line) is text, not one JSON document
    try { result.body = await response.json(); } catch (e) { result.body = null; }
  } else {
    result.text = await response.text();
  }
  if (!response.ok) {
    result.problem = result.body && typeof result.body === 'object' ? result.body
      : { title: response.statusText, detail: (result.text || '').slice(0, 300) };
  }
  return result;
}

function filenameOf(disposition) {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition || '');
  return match ? decodeURIComponent(match[1]) : null;
}

/** Encodes each segment of a ruleset path, keeping its slashes. */
export function pathOf(file) {
  return file.split('/').map(encodeURIComponent).join('/');
}
