// The user's own sessions (this browser and others), each revocable at once.
import * as api from './api.js';
import { fmtDate, t } from './i18n.js';
import { h, message, section, table, toast } from './ui.js';

export async function renderSecurity(view, params, ctx) {
  const box = h('div#sessions');
  async function load() {
    try {
      const list = await api.get('users/me/sessions');
      const items = Array.isArray(list) ? list : list.items || [];
      const mine = api.current() && api.current().id;
      box.replaceChildren(table([t('sec.started'), t('sec.lastUsed'), t('sec.address'), t('sec.agent'), ''], items.map((s) =>
        h('tr', { dataset: { id: s.id } }, h('td', fmtDate(s.createdAt)), h('td', fmtDate(s.lastUsedAt || s.lastSeenAt)), h('td.mono', s.sourceIp || s.address || ''),
          h('td', s.userAgent || ''), h('td', s.id === mine ? h('strong', t('sec.this')) : h('button.small.danger', { type: 'button', on: { click: () => revoke(s) } }, t('sec.revoke')))))));
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
    section(t('sec.account'), h('dl.props', h('dt', t('username')), h('dd', ctx.user.username), h('dt', t('sec.role')), h('dd', ctx.user.role),
      h('dt', t('sec.expires')), h('dd', fmtDate(api.current() && api.current().expiresAt)))),
    section(t('sec.sessions'), h('p.sub', t('sec.note')), box));
  await load();
}
