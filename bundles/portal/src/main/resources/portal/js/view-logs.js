// The audit log of the user's subtree: who did what, when, from where; filterable and paged.
import * as api from './api.js';
import { fmtDate, t } from './i18n.js';
import { clearErrors, dateField, dateValue, field, h, message, pager, showError, table, toast, values } from './ui.js';

export async function renderLogs(view) {
  const state = { offset: 0, filters: {} };
  const list = h('div');
  const form = h('form.inline#audit-filter',
    field(t('logs.actor'), 'actor'), field(t('logs.action'), 'action', { placeholder: 'machine.*' }),
    field(t('logs.outcome'), 'outcome', { options: [['', t('logs.any')], ['SUCCESS', t('outcome.SUCCESS')], ['DENIED', t('outcome.DENIED')], ['FAILED', t('outcome.FAILED')]] }),
    dateField(t('logs.from'), 'from', 'date'), dateField(t('logs.to'), 'to', 'date'),
    h('button', { type: 'submit' }, t('logs.filter')),
    h('button.secondary#audit-export', { type: 'button', on: { click: () => api.download('audit/export', state.filters, 'mtm-audit.csv')
      .catch((err) => toast(message(err), 'error')) } }, t('csv')));

  async function load() {
    clearErrors(form);
    try {
      const page = await api.get('audit', { ...state.filters, offset: state.offset, limit: 50 });
      const rows = page.items.map((e) => h('tr', { dataset: { seq: e.seq, action: e.action } },
        h('td', fmtDate(e.time, { seconds: true })), h('td', e.actor), h('td.mono', e.sourceIp || ''),
        // The action in words, and its key below: the key is what the action filter takes ("machine.*").
        h('td.action', actionText(e.action), h('div.sub.mono', e.action)),
        h('td', (e.targetType || '') + ' ' + (e.targetId || '')), h('td', t('outcome.' + e.outcome)), h('td', e.detail || '')));
      list.replaceChildren(table([t('logs.time'), t('logs.actor'), t('logs.ip'), t('logs.action'), t('logs.target'), t('logs.outcome'),
        t('logs.detail')], rows, { id: 'audit' }), pager(page, (o) => {
        state.offset = o;
        load();
      }));
    } catch (err) {
      showError(form, err);
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = values(form);
    // Whole days in the user's time zone, as the API's instants.
    try {
      const from = dateValue(form, 'from');
      const to = dateValue(form, 'to');
      v.from = from ? from.toISOString() : undefined;
      v.to = to ? new Date(to.getFullYear(), to.getMonth(), to.getDate(), 23, 59, 59).toISOString() : undefined;
    } catch (err) {
      showError(form, err);
      return;
    }
    state.filters = v;
    state.offset = 0;
    load();
  });
  view.replaceChildren(h('h1', t('nav.logs')), h('section.card', h('p.sub', t('logs.note')), form), h('section.card', list));
  await load();
}

/** "App activated" for machine.app-activate; an action this portal does not know yet shows its key alone. */
function actionText(action) {
  const text = t('action.' + action);
  return text === 'action.' + action ? null : text;
}
