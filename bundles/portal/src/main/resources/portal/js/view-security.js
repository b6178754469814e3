// The user's own sessions (this browser and others), each revocable at once, two-factor enrolment (which an
// account may require before anything else), and the account's own whitelist: the addresses its users may sign in
// and use the API from (slide 13).
import * as api from './api.js';
import { fmtDate, t } from './i18n.js';
import { clearErrors, confirmDialog, field, h, message, section, showError, table, toast, values } from './ui.js';

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
  // replaceChildren would write a null as the text "null": the parts not shown are left out.
  view.replaceChildren(...[h('h1', t('nav.security')),
    ctx.enrolmentOnly ? h('p.notice#enrol-required', t('tfa.required')) : null,
    section(t('tfa.title'), twoFactor(ctx)),
    section(t('sec.account'), h('dl.props', h('dt', t('username')), h('dd', ctx.user.username), h('dt', t('sec.role')), h('dd', t('role.' + ctx.user.role)),
      h('dt', t('sec.expires')), h('dd', fmtDate(api.current() && api.current().expiresAt)))),
    ctx.enrolmentOnly ? null : section(t('sec.sessions'), h('p.sub', t('sec.note')), box),
    ctx.enrolmentOnly ? null : whitelist(ctx)].filter(Boolean));
  if (!ctx.enrolmentOnly) {
    await load();
  }
}

function whitelist(ctx) {
  const path = 'accounts/' + ctx.user.accountId + '/whitelist';
  const canWrite = ctx.user.role !== 'viewer';
  const list = h('div#whitelist');
  const show = (entries) => {
    list.replaceChildren(entries.length
      ? table([t('wl.cidr'), t('wl.description'), ''], entries.map((e) => h('tr', { dataset: { cidr: e.cidr } },
        h('td.mono', e.cidr), h('td', e.description || ''),
        h('td', canWrite ? h('button.small.danger', { type: 'button', on: { click: () => remove(e) } }, t('wl.remove')) : ''))))
      : h('p.empty#whitelist-empty', t('wl.empty')));
  };
  const load = () => api.get(path).then(show, (err) => list.replaceChildren(h('p.form-error', message(err))));
  async function remove(e) {
    if (!(await confirmDialog(t('wl.removeTitle'), t('wl.removeText', { cidr: e.cidr }), t('wl.remove'), true))) {
      return;
    }
    try {
      show(await api.del(path, { cidr: e.cidr }));
    } catch (err) {
      toast(message(err), 'error');
    }
  }
  const parts = [h('p.sub', t('wl.intro')), list];
  if (canWrite) {
    const form = h('form.inline#whitelist-form', field(t('wl.cidr'), 'cidr', { placeholder: '198.51.100.0/24', required: true }),
      field(t('wl.description'), 'description', { maxlength: 200 }), h('button', { type: 'submit' }, t('wl.add')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(form);
      try {
        show(await api.post(path, values(form)));
        form.reset();
        toast(t('saved'), 'ok');
      } catch (err) {
        showError(form, err);
      }
    });
    parts.push(form);
  }
  load();
  return section(t('wl.title'), ...parts);
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
