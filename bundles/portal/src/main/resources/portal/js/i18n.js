// Spanish or English: the browser's first preference decides, the switch overrides it. The choice is kept in
// localStorage: it is not a secret, unlike anything about the session.
import { messages } from './messages.js';

const KEY = 'mtm.lang';
let current = pick();

function pick() {
  const saved = localStorage.getItem(KEY);
  if (saved && messages[saved]) {
    return saved;
  }
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const base = String(l).toLowerCase().split('-')[0];
    if (messages[base]) {
      return base;
    }
  }
  return 'en';
}

export function lang() {
  return current;
}

export function setLang(l) {
  if (!messages[l]) {
    return;
  }
  current = l;
  localStorage.setItem(KEY, l);
  document.documentElement.lang = l;
}

/** The message for a key in the current language, with {name} placeholders filled in. */
export function t(key, vars) {
  const text = messages[current][key] ?? messages.en[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, k) => (vars[k] ?? m)) : text;
}

/** Fills every element marked data-i18n (text) or data-i18n-placeholder under root. */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
}

export function fmtDate(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(current === 'es' ? 'es-ES' : 'en-GB');
}

export function fmtNumber(n) {
  return Number(n ?? 0).toLocaleString(current === 'es' ? 'es-ES' : 'en-GB');
}
