// The DID routing table: number or prefix to machine, with CSV import (all or nothing, bad lines listed) and
// export.
import * as api from './api.js';
import { t } from './i18n.js';
import { clearErrors, debounce, field, h, message, pager, showError, table, toast, values } from './ui.js';

export async function renderDids(box, ctx) {
  const state = { offset: 0, number: '' };
  const list = h('div');
  const filter = h('input#did-filter', { type: 'search', placeholder: t('did.filter'), 'aria-label': t('did.filter') });
  const canWrite = ctx.user.role !== 'viewer' && (ctx.kind === 'platform' || ctx.kind === 'operator');

  async function load() {
    const page = await api.get('did-routes', { offset: state.offset, limit: 20, number: state.number });
    const rows = page.items.map((r) => h('tr', { dataset: { id: r.id, number: r.number } },
      h('td.mono', r.number),
      h('td', h('a', { href: '#/machines/' + r.machineId }, r.machineHostname)),
      h('td', r.description || ''),
      h('td', canWrite ? h('button.small.danger', { type: 'button', on: { click: () => remove(r) } }, t('delete')) : '')));
    list.replaceChildren(table([t('did.number'), t('did.machine'), t('did.description'), ''], rows, { id: 'did-routes' }),
      pager(page, (o) => {
        state.offset = o;
        load();
      }));
  }

  async function remove(r) {
    try {
      await api.del('did-routes/' + r.id);
      load();
    } catch (err) {
      toast(message(err), 'error');
    }
  }

  filter.addEventListener('input', debounce(() => {
    state.number = filter.value.trim();
    state.offset = 0;
    load();
  }, 250));
  const tools = [filter, h('button.secondary#did-export', { type: 'button', on: { click: () => api.download('did-routes/export', null, 'mtm-did-routes.csv').catch((e) => toast(message(e), 'error')) } }, t('did.export'))];
  const parts = [h('p', t('did.intro')), h('div.toolbar', tools), list];
  if (canWrite) {
    const add = h('form.inline#did-add', field(t('did.number'), 'number', { placeholder: '+34915550', required: true }),
      field(t('did.machine'), 'machine', { placeholder: 'pbx-a', required: true }), field(t('did.description'), 'description'),
      h('button', { type: 'submit' }, t('did.add')));
    add.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(add);
      try {
        await api.post('did-routes', values(add));
        add.reset();
        load();
      } catch (err) {
        showError(add, err);
      }
    });
    const imp = h('form.inline#did-import', field(t('did.file'), 'file', { type: 'file', accept: '.csv,text/csv' }),
      field(t('did.mode'), 'mode', { options: [['merge', t('did.merge')], ['replace', t('did.replace')]] }),
      h('button', { type: 'submit' }, t('did.import')));
    imp.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(imp);
      const file = imp.querySelector('[name=file]').files[0];
      if (!file) {
        showError(imp, { code: 'INVALID_FIELD', field: 'file', message: t('did.noFile') });
        return;
      }
      try {
        const mode = imp.querySelector('[name=mode]').value;
        const r = await api.request('POST', 'did-routes/import', { body: await file.text(), type: 'text/csv', query: { mode: mode === 'replace' ? 'replace' : null } });
        toast(t('did.imported', r), 'ok');
        load();
      } catch (err) {
        showError(imp, err.field === 'file' ? err : { ...err, field: null, message: err.message, code: err.code });
      }
    });
    parts.push(h('h3', t('did.add')), add, h('h3', t('did.import')), imp);
  }
  box.replaceChildren(...parts);
  await load();
}
