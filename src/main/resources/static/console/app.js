// The console's shell: sign-in, language, navigation between the four pages (hash routes, which
// carry only a page and a place in a file: never a credential).
import { h, field, announce } from './dom.js';
import { t, setLanguage, language } from './i18n.js';
import { call, signIn, signOut, signedIn } from './api.js';
import { startSignIn, finishSignIn } from './oidc.js';
import { rulesPage, filePage } from './rules.js';
import { tryPage } from './try.js';
import { changePage } from './change.js';
import { reportPage } from './report.js';

const main = document.getElementById('main');
let config = { oidc: null };
let me = null;

const pages = { regles: rulesPage, fichier: filePage, essayer: tryPage, modifier: changePage, rapport: reportPage };

function route() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(2) : 'regles';
  const [name, query = ''] = hash.split('?');
  return { name: pages[name] ? name : 'regles', params: new URLSearchParams(query) };
}

async function render(focus = true) {
  document.getElementById('nav').hidden = !signedIn();
  document.getElementById('signout').hidden = !signedIn();
  document.getElementById('who').textContent = me ? t('signedin', { name: me.name }) : '';
  if (!signedIn()) {
    showSignIn();
    return;
  }
  const { name, params } = route();
  const navName = name === 'fichier' ? 'regles' : name;
  document.querySelectorAll('#nav a').forEach(a => {
    if (a.dataset.route === navName) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  main.replaceChildren(h('p', { text: t('loading') }));
  const page = await pages[name](params);
  main.replaceChildren(page);
  const title = main.querySelector('h1');
  document.title = `${title ? title.textContent : ''} — ${t('app.title')}`;
  if (focus && !main.querySelector('[data-autofocus]')) {
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  }
  const target = main.querySelector('[data-autofocus]');
  if (target) {
    target.scrollIntoView({ block: 'center' });
    target.focus();
  }
}

function showSignIn(message) {
  const key = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', required: true, spellcheck: 'false' });
  const form = h('form', { class: 'card', id: 'signin', onsubmit: async event => {
    event.preventDefault();
    await accept('key', key.value);
    key.value = '';
  } },
  field(t('signin.key'), key, t('signin.hint')),
  h('button', { type: 'submit', text: t('signin.submit') }));
  const parts = [h('h1', { text: t('signin.title') })];
  if (message) parts.push(h('div', { class: 'error', role: 'alert', text: message }));
  parts.push(form);
  if (config.oidc) {
    parts.push(h('p', { text: t('signin.or') }),
      h('button', { type: 'button', id: 'oidc', onclick: () => startSignIn(config.oidc).catch(e => showSignIn(t('signin.oidcfail', { detail: e.message }))) },
        t('signin.oidc')));
  }
  main.replaceChildren(h('div', { style: 'max-width: 36rem' }, parts));
  document.title = `${t('signin.title')} — ${t('app.title')}`;
  key.focus();
}

async function accept(kind, value) {
  signIn(kind, value);
  const who = await call('GET', '/api/v1/console/me');
  if (!who.ok) {
    signOut();
    me = null;
    showSignIn(who.status === 403 ? t('signin.notadmin') : t('signin.bad'));
    return;
  }
  me = who.body;
  announce(t('signedin', { name: me.name }));
  if (!location.hash.startsWith('#/')) location.hash = '#/regles'; else await render();
}

document.getElementById('lang').addEventListener('click', () => {
  setLanguage(language() === 'fr' ? 'en' : 'fr');
  const button = document.getElementById('lang');
  button.textContent = t('lang.other');
  button.lang = language() === 'fr' ? 'en' : 'fr';
  document.getElementById('nav').setAttribute('aria-label', t('nav.label'));
  render(false);
});

document.getElementById('signout').addEventListener('click', () => {
  signOut();
  me = null;
  render();
});

document.getElementById('skip').addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', () => render());

async function start() {
  setLanguage('fr');
  try {
    const response = await fetch('config.json', { credentials: 'omit' });
    if (response.ok) config = await response.json();
  } catch (e) {
    // keep the API-key sign-in only
  }
  if (config.oidc) {
    try {
      const token = await finishSignIn(config.oidc);
      if (token) {
        await accept('bearer', token);
        return;
      }
    } catch (e) {
      showSignIn(t('signin.oidcfail', { detail: e.message }));
      return;
    }
  }
  render();
}

start();
