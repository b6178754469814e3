// DOM helpers shared by the views: elements, forms, errors beside their fields, dialogs, toasts and paging.
import { dateFormat, parseDate, t } from './i18n.js';

/** h('tag.class#id', {attrs, on: {event: fn}}, ...children): text children are always text, never HTML. */
export function h(spec, attrs, ...children) {
  const [, tag, rest] = spec.match(/^([a-z0-9]+)(.*)$/);
  const el = document.createElement(tag);
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') {
      el.classList.add(part.slice(1));
    } else {
      el.id = part.slice(1);
    }
  }
  // Anything but a plain object is the first child: 0 and '' included, which are text too.
  if (attrs !== null && attrs !== undefined && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'on') {
      for (const [ev, fn] of Object.entries(v)) {
        el.addEventListener(ev, fn);
      }
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (v === true) {
      el.setAttribute(k, '');
    } else if (v !== false && v !== null && v !== undefined) {
      el.setAttribute(k, v);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c !== null && c !== undefined && c !== false) {
      el.append(c instanceof Node ? c : String(c));
    }
  }
}

let fields = 0;

/**
 * A labelled input; name is the API's field name, so that an error naming it lands right below. Its id is its own
 * (a page may hold several forms with the same names); hideLabel keeps the label for assistive technology only,
 * where a table's column already says it. Options are [value, text] or [value, text, attributes].
 */
export function field(label, name, attrs = {}) {
  const id = 'f-' + name.replace(/[^A-Za-z0-9_-]/g, '-') + '-' + (++fields);
  const own = omit(attrs, 'options', 'hideLabel');
  const control = attrs.options
    ? h('select', { name, id, ...own },
      attrs.options.map(([v, text, extra]) => h('option', { value: v, selected: String(v) === String(attrs.value), ...(extra || {}) }, text)))
    : h(attrs.rows ? 'textarea' : 'input', { name, id, type: attrs.type || 'text', ...omit(own, 'type') });
  return h('div.field', h('label' + (attrs.hideLabel ? '.sr-only' : ''), { for: id }, label), control);
}

/**
 * A date (kind 'date'), a date and time ('datetime') or a month ('month'), typed as the tables show them in the
 * user's language: the browser's own pickers follow the browser's locale, not the portal's language.
 */
export function dateField(label, name, kind, attrs = {}) {
  return field(label, name, { ...attrs, placeholder: dateFormat(kind), inputmode: 'numeric', autocomplete: 'off',
    'data-date': kind });
}

/**
 * The value of a form's date field as a Date (its month as "YYYY-MM"), null when empty; throws an error that
 * names the field, in the user's words, when it is not a date of its format.
 */
export function dateValue(form, name) {
  const el = form.querySelector(`[name="${CSS.escape(name)}"]`);
  const text = el.value.trim();
  if (!text) {
    return null;
  }
  const v = parseDate(text, el.dataset.date);
  if (v === null) {
    throw { code: 'INVALID_FIELD', field: name, message: t('date.invalid', { format: dateFormat(el.dataset.date) }) };
  }
  return v;
}

function omit(o, ...keys) {
  const c = { ...o };
  for (const k of keys) {
    delete c[k];
  }
  return c;
}

/** The form's values as an object; dotted names ("customer.email") nest, empty values are left out. */
export function values(form) {
  const out = {};
  for (const el of form.querySelectorAll('[name]')) {
    if (el.type === 'checkbox' ? !el.checked : el.value.trim() === '') {
      continue;
    }
    const v = el.type === 'number' ? Number(el.value) : el.type === 'checkbox' ? true : el.value.trim();
    const path = el.name.split('.');
    let o = out;
    for (const p of path.slice(0, -1)) {
      o = o[p] = o[p] || {};
    }
    o[path[path.length - 1]] = v;
  }
  return out;
}

export function clearErrors(root) {
  root.querySelectorAll('.field-error, .form-error').forEach((e) => e.remove());
  root.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/**
 * Shows an API error next to the field it names (or the closest one: "customer.email" then "customer"), else at
 * the top of the form. Field names come from the server, so they are matched, never inserted as HTML.
 */
export function showError(root, err) {
  clearErrors(root);
  const text = message(err);
  const names = err.field ? [err.field, err.field.split('.')[0], err.field.split('[')[0]] : [];
  const control = names.map((n) => root.querySelector(`[name="${CSS.escape(n)}"]`)).find(Boolean);
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    control.closest('.field')?.append(h('div.field-error', { role: 'alert', dataset: { field: err.field } }, text)) ||
      control.after(h('div.field-error', { role: 'alert', dataset: { field: err.field } }, text));
    control.focus();
  } else {
    const box = h('div.form-error', { role: 'alert', dataset: { code: err.code || '' } }, text,
      (err.errors || []).length ? h('ul', err.errors.map((l) => h('li', t('line', { n: l.line }) + ': ' + l.message))) : null);
    // Below a dialog's (or a form's) own title, which says what the error is about.
    const title = root.querySelector(':scope > h1, :scope > h2');
    if (title) {
      title.after(box);
    } else {
      root.prepend(box);
    }
  }
}

/** The user's words for an error: the code's meaning, then the server's detail. */
export function message(err) {
  const known = t('err.' + (err.code || ''));
  const detail = err.message && err.message !== err.code ? err.message : '';
  const head = known === 'err.' + err.code ? '' : known;
  return [head, detail].filter(Boolean).join(' — ') || String(err);
}

export function toast(text, kind = 'info') {
  const el = h('div.toast.' + kind, text);
  document.getElementById('toasts').append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 4000);
}

/**
 * A modal dialog that resolves with the form's values on OK, or null on cancel. Nothing blocks the page but the
 * dialog itself; onSubmit may throw an ApiError, shown in the dialog, which then stays open.
 */
export function dialog({ title, body, ok = t('ok'), danger = false, onSubmit }) {
  return new Promise((resolve) => {
    const form = h('form.dialog-form', { method: 'dialog' },
      h('h2', title), body,
      h('div.buttons',
        h('button.secondary', { type: 'button', id: 'dlg-cancel', on: { click: () => close(null) } }, t('cancel')),
        h('button' + (danger ? '.danger' : ''), { type: 'submit', id: 'dlg-ok' }, ok)));
    const dlg = h('dialog.dialog', { 'aria-label': title }, form);
    function close(v) {
      dlg.close();
      dlg.remove();
      resolve(v);
    }
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const v = values(form);
      if (!onSubmit) {
        close(v);
        return;
      }
      const button = form.querySelector('#dlg-ok');
      button.disabled = true;
      try {
        close((await onSubmit(v)) ?? v);
      } catch (err) {
        showError(form, err);
      } finally {
        button.disabled = false;
      }
    });
    dlg.addEventListener('cancel', (e) => {
      e.preventDefault();
      close(null);
    });
    document.body.append(dlg);
    dlg.showModal();
    form.querySelector('input, select, textarea, button[type=submit]')?.focus();
  });
}

export function confirmDialog(title, text, ok, danger) {
  return dialog({ title, body: h('p.confirm-text', text), ok, danger });
}

/** Password (and two-factor code) again, for a dangerous action; action(headers) runs with them. */
export function passwordDialog(title, text, action, extra) {
  return dialog({
    title,
    ok: t('continue'),
    danger: true,
    body: [h('p', text), extra || null,
      field(t('password'), 'password', { type: 'password', autocomplete: 'current-password', required: true }),
      field(t('otpOptional'), 'otp', { inputmode: 'numeric', autocomplete: 'one-time-code' })],
    onSubmit: (v) => action(v),
  });
}

/**
 * Runs call(headers) and, when the platform answers that the action needs the password again, asks for it and
 * runs it once more with it: for actions the page does not know to be dangerous up front.
 */
export async function withReauth(call, title, reauth) {
  try {
    return await call({});
  } catch (err) {
    if (err.code !== 'REAUTHENTICATION_REQUIRED') {
      throw err;
    }
    return passwordDialog(title, message(err), (v) => call(reauth(v.password, v.otp)));
  }
}

export function badge(state) {
  return h('span.badge.state-' + String(state || '').toLowerCase(), { dataset: { state } }, t('state.' + state));
}

/** "1–20 of 345" with previous and next buttons. */
export function pager(page, go) {
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = Math.min(page.offset + page.items.length, page.total);
  return h('div.pager',
    h('button.secondary', { type: 'button', id: 'page-prev', disabled: page.offset === 0, on: { click: () => go(Math.max(0, page.offset - page.limit)) } }, '‹ ' + t('previous')),
    h('span.page-info', t('pageInfo', { from, to, total: page.total })),
    h('button.secondary', { type: 'button', id: 'page-next', disabled: to >= page.total, on: { click: () => go(page.offset + page.limit) } }, t('next') + ' ›'));
}

export function table(headers, rows, attrs) {
  return h('table.grid', attrs || {}, h('thead', h('tr', headers.map((x) => h('th', x)))), h('tbody', rows));
}

export function section(title, ...children) {
  return h('section.card', h('h2', title), ...children);
}

export function debounce(fn, ms) {
  let timer;
  return (...a) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...a), ms);
  };
}
