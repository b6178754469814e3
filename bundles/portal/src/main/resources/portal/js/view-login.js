// Login, and the page a refused address gets instead of anything else.
import * as api from './api.js';
import { t } from './i18n.js';
import { clearErrors, field, h, showError, values } from './ui.js';

export function renderLogin(view, signedIn, expired) {
  const form = h('form.card.login#login-form', { autocomplete: 'on' },
    h('h1', t('login.title')),
    expired ? h('p.notice#session-expired', t('login.expired')) : null,
    field(t('username'), 'username', { autocomplete: 'username', required: true }),
    field(t('password'), 'password', { type: 'password', autocomplete: 'current-password', required: true }),
    field(t('otpOptional'), 'otp', { inputmode: 'numeric', autocomplete: 'one-time-code' }),
    h('div.buttons', h('button#login-submit', { type: 'submit' }, t('login.submit'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = values(form);
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      signedIn(await api.login(v.username || '', v.password || '', v.otp));
    } catch (err) {
      if (err.code === 'TOO_MANY_REQUESTS' && err.retryAfter) {
        err.message = t('login.retryAfter', { s: err.retryAfter });
      }
      if (err.code !== 'IP_NOT_ALLOWED') {
        // A wrong password must not say which of the two was wrong, so it goes above the form.
        showError(form, err.code === 'UNAUTHENTICATED' && err.field !== 'otp' ? { ...err, field: null, code: err.code, message: err.message } : err);
        form.querySelector('[name=password]').value = '';
      }
    } finally {
      button.disabled = false;
    }
  });
  view.replaceChildren(form);
  form.querySelector('[name=username]').focus();
}

export function renderRefused(view, err) {
  document.getElementById('nav').hidden = true;
  document.getElementById('logout').hidden = true;
  view.replaceChildren(h('section.card.refused#ip-refused', { role: 'alert' },
    h('h1', t('refused.title')),
    h('p', t('refused.text')),
    h('p.detail', err.message || ''),
    h('p', t('refused.help')),
    h('button.secondary', { type: 'button', on: { click: () => location.reload() } }, t('refused.retry'))));
}
