// The user's own sessions (this browser and others), each revocable at once, and two-factor enrolment (which an
// account may require before anything else).
import * as api from './api.js';
import { fmtDate, t } from './i18n.js';
import { clearErrors, field, h, message, section, showError, table, toast, values } from './ui.js';

export async function renderSecurity(view, params, ctx) {
  const box = h('div#sessions');
  async function load() {
    try {
      const list = await api.get('users/me/sessions');
      const items = list.filter((s) => !s.endedAt);
      box.replaceChildren(table([t('sec.started'), t('sec.lastUsed'), t('sec.address'), t('sec.agent'), ''], items.map((s) =>
        h('tr', { dataset: { id: s.id } }, h('td', fmtDate(s.createdAt)), h('td', fmtDate(s.lastSeenAt)), h('td.mono', s.sourceIp || ''),
          h('td', s.userAgent || ''), h('td', s.current ? h('strong', t('sec.this')) : h('button.small.danger', { type: 'button', on: { click: () => revoke(s) } }, t('sec.revoke')))))));
    } catch (err) {
      box.replaceChildren(h('p.form-error', message(err)));
    }
  }
  async function revoke(s) {
    try {
      await api.del('users/me/sessions/' + s.id);
      load();
    } catch (err) {
      toast(message(err), 'error');
    }
  }
  view.replaceChildren(h('h1', t('nav.security')),
    ctx.enrolmentOnly ? h('p.notice#enrol-required', t('tfa.required')) : null,
    section(t('tfa.title'), twoFactor(ctx)),
    section(t('sec.account'), h('dl.props', h('dt', t('username')), h('dd', ctx.user.username), h('dt', t('sec.role')), h('dd', ctx.user.role),
      h('dt', t('sec.expires')), h('dd', fmtDate(api.current() && api.current().expiresAt)))),
    ctx.enrolmentOnly ? null : section(t('sec.sessions'), h('p.sub', t('sec.note')), box));
  if (!ctx.enrolmentOnly) {
    await load();
  }
}

function twoFactor(ctx) {
  const box = h('div#two-factor', h('p.sub', t('tfa.intro')));
  const start = h('button#tfa-start', { type: 'button' }, t('tfa.start'));
  start.addEventListener('click', async () => {
    start.disabled = true;
    try {
      const e = await api.post('users/me/2fa', {});
      // Shown once and never kept by the page: the user copies them into the app and somewhere safe.
      const confirm = h('form.inline#tfa-confirm', field(t('tfa.code'), 'code', { inputmode: 'numeric', autocomplete: 'one-time-code', required: true }),
        h('button', { type: 'submit' }, t('tfa.confirm')));
      confirm.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(confirm);
        try {
          await api.post('users/me/2fa/confirm', values(confirm));
          toast(t('tfa.on'), 'ok');
          ctx.refresh();
        } catch (err) {
          showError(confirm, err);
        }
      });
      box.replaceChildren(h('p', t('tfa.secret')), h('p.mono#tfa-secret', e.secret), h('p.sub.mono', e.uri),
        h('p', t('tfa.codes')), h('ul.mono#tfa-codes', e.recoveryCodes.map((c) => h('li', c))), confirm);
    } catch (err) {
      start.disabled = false;
      showError(box, err);
    }
  });
  box.append(start);
  return box;
}
