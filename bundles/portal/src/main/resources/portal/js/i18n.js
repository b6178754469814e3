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

/**
 * The message for a count: key.one or key.other by the language's plural rules ("1 system", "2 systems"), with
 * {n} the count as the language writes numbers.
 */
export function tn(key, n, vars) {
  const form = new Intl.PluralRules(locale()).select(Number(n));
  const k = messages[current][key + '.' + form] !== undefined || messages.en[key + '.' + form] !== undefined ? key + '.' + form : key + '.other';
  return t(k, { ...(vars || {}), n: fmtNumber(n) });
}

function locale() {
  return current === 'es' ? 'es-ES' : 'en-GB';
}

// One way to write dates in both languages, as Spanish and British readers both do: day, month, year, and a
// 24-hour clock. Tables show it, and date fields take it (see ui.dateField).
const pad = (n) => String(n).padStart(2, '0');

/** "01/12/2026 22:54" in the user's time zone; seconds too when asked for (the audit log). */
export function fmtDate(iso, opts = {}) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`
    + (opts.seconds ? ':' + pad(d.getSeconds()) : '');
}

/** The month "YYYY-MM" as a date field shows it ("12/2026"). */
export function fmtMonth(period) {
  const m = /^(\d{4})-(\d{2})$/.exec(period || '');
  return m ? m[2] + '/' + m[1] : '';
}

/** What a date field of the kind ('date', 'datetime', 'month') expects, in the user's language. */
export function dateFormat(kind) {
  return t('date.format.' + kind);
}

/**
 * A typed date of the kind: a Date (local midnight, or the given time), or "YYYY-MM" for a month; null when it is
 * not a real one (31/02/2026, 25:00).
 */
export function parseDate(text, kind) {
  if (kind === 'month') {
    const m = /^(\d{1,2})\/(\d{4})$/.exec(text);
    return m && Number(m[1]) >= 1 && Number(m[1]) <= 12 ? m[2] + '-' + pad(Number(m[1])) : null;
  }
  const m = (kind === 'datetime' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/ : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/).exec(text);
  if (!m) {
    return null;
  }
  const [day, month, year, hour, minute] = [m[1], m[2], m[3], m[4] || 0, m[5] || 0].map(Number);
  const d = new Date(year, month - 1, day, hour, minute);
  const same = d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day && d.getHours() === hour
    && d.getMinutes() === minute;
  return same ? d : null;
}

export function fmtNumber(n) {
  return Number(n ?? 0).toLocaleString(locale());
}
