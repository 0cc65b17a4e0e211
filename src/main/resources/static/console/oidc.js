// OAuth2 / OIDC authorization code with PKCE (RFC 7636), for a public client in the browser.
// The access token is kept in memory by api.js. Only the one-time PKCE verifier and state cross
// the redirect, in sessionStorage (they are useless without the code, and are removed at once).
const PENDING = 'litiges.console.pkce';

function base64url(bytes) {
  let text = '';
  bytes.forEach(b => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(size) {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function discover(issuer) {
  const url = issuer.replace(/\/$/, '') + '/.well-known/openid-configuration';
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

/** Sends the browser to the issuer's login page. */
export async function startSignIn(config) {
  const metadata = await discover(config.issuer);
  const verifier = random(48);
  const state = random(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, tokenEndpoint: metadata.token_endpoint }));
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scope || 'openid',
    state, code_challenge: await challengeOf(verifier), code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * On return from the issuer: exchanges the code for a token and wipes code and state from the
 * address bar. Answers the access token, null when this page load is not a return, or throws.
 */
export async function finishSignIn(config) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri() + location.hash);
  if (params.has('error')) throw new Error(params.get('error_description') || params.get('error'));
  if (!pending || pending.state !== params.get('state')) throw new Error('state mismatch');
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST', credentials: 'omit',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: config.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`token endpoint: ${response.status}`);
  const tokens = await response.json();
  if (!tokens.access_token) throw new Error('no access_token');
  return tokens.access_token;
}
