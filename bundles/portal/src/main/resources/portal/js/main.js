// The page's shell: the session, the menu for the user's role, and a hash router over the views.
import * as api from './api.js';
import { lang, setLang, t, translate } from './i18n.js';
import { h, message, toast } from './ui.js';
import { renderLogin, renderRefused } from './view-login.js';
import { renderHome } from './view-home.js';
import { renderMachine } from './view-machine.js';
import { renderCreate } from './view-create.js';
import { renderSettings } from './view-settings.js';
import { renderReports } from './view-reports.js';
import { renderLogs } from './view-logs.js';
import { renderSecurity } from './view-security.js';

const ROUTES = [
  [/^#\/home$/, renderHome],
  [/^#\/machines\/(\d+)$/, renderMachine],
  [/^#\/create$/, renderCreate],
  [/^#\/settings$/, renderSettings],
  [/^#\/reports$/, renderReports],
  [/^#\/logs$/, renderLogs],
  [/^#\/security$/, renderSecurity],
];

const ctx = { user: null, account: null, kind: null, refused: null, enrolmentOnly: false, billing: false };
// After enrolling in two-factor authentication the session may do everything: ask the server again.
ctx.refresh = () => api.resume().then((s) => (s ? signedIn(s) : route()));
let cleanup = null;
let generation = 0;
let shown = null;

/**
 * Whether the API publishes billing now: it is a feature of its own, installed or removed while the server runs,
 * and its paths are in the API's OpenAPI document only while it is there. Asked again at most every 10 s.
 */
let billingAsked = 0;
async function billingInstalled() {
  if (Date.now() - billingAsked > 10000) {
    try {
      const doc = await api.get('openapi.json');
      ctx.billing = Object.keys(doc.paths || {}).some((p) => p.startsWith('/statements'));
      billingAsked = Date.now();
    } catch (ignored) {
      // The menu keeps what it showed; the next page asks again.
    }
  }
  return ctx.billing;
}

/** What the user's role makes of the portal: platform, operator, reseller, distributor (viewers read only). */
function kindOf(role, account) {
  return (account && account.type) || String(role).replace('-admin', '');
}

function menu() {
  const items = [['#/home', 'nav.home']];
  if (ctx.kind !== 'distributor' && ctx.user.role !== 'viewer') {
    items.push(['#/create', 'nav.create']);
  }
  if (ctx.kind === 'platform' || ctx.kind === 'operator') {
    items.push(['#/settings', 'nav.settings']);
  }
  if (ctx.kind !== 'distributor' && ctx.billing) {
    items.push(['#/reports', 'nav.reports']);
  }
  items.push(['#/logs', 'nav.logs'], ['#/security', 'nav.security']);
  if (ctx.enrolmentOnly) {
    // The account requires two-factor authentication: until the user enrols, the API answers nothing else.
    items.splice(0, items.length, ['#/security', 'nav.security']);
  }
  const nav = document.getElementById('nav');
  nav.replaceChildren(...items.map(([href, key]) =>
    h('a', { href, id: 'nav-' + href.slice(2), class: location.hash.startsWith(href) ? 'active' : null }, t(key))));
  nav.hidden = false;
  document.getElementById('who').textContent = ctx.user.username + (ctx.account ? ' · ' + ctx.account.name : '') +
    ' · ' + t('kind.' + ctx.kind);
  document.getElementById('logout').hidden = false;
}

async function route() {
  const gen = ++generation;
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  const view = document.getElementById('view');
  if (ctx.refused) {
    shown = null;
    renderRefused(view, ctx.refused);
    return;
  }
  if (!ctx.user) {
    document.getElementById('nav').hidden = true;
    document.getElementById('logout').hidden = true;
    document.getElementById('who').textContent = '';
    shown = null;
    renderLogin(view, signedIn, consumeExpired());
    return;
  }
  const hash = ctx.enrolmentOnly ? '#/security' : location.hash || '#/home';
  const found = ROUTES.map(([re, fn]) => [hash.match(re), fn]).find(([m]) => m);
  await billingInstalled();
  if (gen !== generation) {
    return;
  }
  if (!found || (hash === '#/reports' && !ctx.billing)) {
    location.hash = '#/home';
    return;
  }
  menu();
  // A page rendered again in place (a machine going live) keeps what it shows until the new one is ready.
  if (hash !== shown) {
    view.replaceChildren(h('p.loading', t('loading')));
  }
  shown = hash;
  try {
    const result = await found[1](view, found[0].slice(1), ctx, () => gen === generation);
    if (gen === generation) {
      cleanup = typeof result === 'function' ? result : null;
    } else if (typeof result === 'function') {
      result();
    }
  } catch (err) {
    if (gen === generation && ctx.user) {
      view.replaceChildren(h('div.form-error', { role: 'alert', dataset: { code: err.code || '' } }, message(err)));
    }
  }
}

async function signedIn(session) {
  ctx.user = session.user;
  ctx.enrolmentOnly = Boolean(session.enrolmentOnly);
  try {
    ctx.account = await api.get('accounts/' + session.user.accountId);
  } catch (ignored) {
    ctx.account = null;
  }
  ctx.kind = kindOf(session.user.role, ctx.account);
  if (!location.hash || location.hash === '#/login') {
    // The hash change routes: routing here too would draw the page twice, the first one possibly last.
    location.hash = '#/home';
    return;
  }
  route();
}

api.on('unauthenticated', () => {
  ctx.user = null;
  sessionExpired = true;
  route();
});
api.on('refused', (err) => {
  ctx.refused = err;
  ctx.user = null;
  route();
});

let sessionExpired = false;
function consumeExpired() {
  const v = sessionExpired;
  sessionExpired = false;
  return v;
}

function applyLanguage() {
  document.documentElement.lang = lang();
  document.getElementById('lang-switch').value = lang();
  translate(document);
}

document.getElementById('lang-switch').addEventListener('change', (e) => {
  setLang(e.target.value);
  applyLanguage();
  route();
});
document.getElementById('logout').addEventListener('click', async () => {
  try {
    await api.logout();
  } catch (err) {
    // The page forgets the session anyway; the user learns that the platform may not have ended it.
    toast(message(err), 'error');
  }
  ctx.user = null;
  location.hash = '#/login';
  route();
});
window.addEventListener('hashchange', () => route());

applyLanguage();
api.resume().then((s) => (s ? signedIn(s) : route()), (err) => {
  if (err.code !== 'IP_NOT_ALLOWED') {
    route();
  }
});
