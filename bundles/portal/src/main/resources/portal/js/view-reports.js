// Reports: every active MT user (what the month's bill will count) and the monthly statements, with CSV export.
import * as api from './api.js';
import { fmtMonth, t, tn } from './i18n.js';
import { badge, clearErrors, dateField, dateValue, field, h, message, section, showError, table, toast } from './ui.js';

export async function renderReports(view, params, ctx) {
  const accounts = ctx.kind === 'reseller' ? [] : (await api.get('accounts', { limit: 200 }).catch(() => ({ items: [] }))).items;
  const choices = [[ctx.user.accountId, t('reports.mine'), { 'data-mine': true }],
    ...accounts.filter((a) => a.id !== ctx.user.accountId).map((a) => [a.id, a.name, { 'data-name': a.name }])];
  const active = h('div#active-users');
  const statement = h('div#statement');
  const pick = h('form.inline#report-account', field(t('reports.account'), 'accountId', { options: choices }));
  const account = () => Number(pick.querySelector('[name=accountId]').value);
  const today = new Date();
  const thisMonth = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0');
  const period = h('form.inline#statement-form', dateField(t('reports.period'), 'period', 'month', { value: fmtMonth(thisMonth) }),
    h('button', { type: 'submit' }, t('reports.show')),
    h('button.secondary', { type: 'button', on: { click: () => monthCsv() } }, t('csv')));
  // The month typed as the page shows it ("12/2026"), as the API's period ("2026-12"); an error names the field.
  const periodValue = () => dateValue(period, 'period') || thisMonth;

  async function loadActive() {
    try {
      const r = await api.get('reports/active-users', { accountId: account() });
      active.replaceChildren(h('p.totals-line', [tn('count.systems', r.machineCount), tn('count.extensions', r.extensions),
        tn('count.tenants', r.tenants)].join(' · ')),
        table([t('col.serial'), t('col.hostname'), t('col.state'), t('home.extensions'), t('home.tenants'), t('reports.appsMachine'), t('reports.appsUser')],
          r.machines.map((m) => h('tr', { dataset: { hostname: m.hostname } }, h('td.mono', m.serial), h('td', m.hostname), h('td', badge(m.state)), h('td.num', m.extensions),
            h('td.num', m.tenants), h('td.num', m.appsPerMachine), h('td.num', m.appsPerUser)))));
    } catch (err) {
      active.replaceChildren(h('p.form-error', message(err)));
    }
  }

  async function loadStatement() {
    try {
      const s = await api.get('statements/' + account() + '/' + periodValue());
      clearErrors(period);
      statement.replaceChildren(h('p', t('reports.statementHead', { p: s.period, state: s.state, total: s.total, cur: s.currency, mode: s.ratingMode })),
        table([t('col.hostname'), t('reports.licence'), t('reports.qty'), t('reports.days'), t('reports.unit'), t('reports.amount')],
          s.lines.map((l) => h('tr', h('td', l.hostname || ''), h('td', l.licence || l.kind), h('td.num', l.quantity), h('td.num', l.licenceDays),
            h('td.num', l.unitPrice), h('td.num', l.amount)))));
    } catch (err) {
      statement.replaceChildren();
      showError(period, err);
    }
  }

  function monthCsv() {
    try {
      csv('statements/' + account() + '/' + periodValue(), 'statement');
    } catch (err) {
      showError(period, err);
    }
  }

  async function csv(path, name) {
    try {
      await api.download(path, { accountId: path.startsWith('reports') ? account() : null }, 'mtm-' + name + '.csv');
    } catch (err) {
      toast(message(err), 'error');
    }
  }

  pick.addEventListener('change', () => {
    loadActive();
    statement.replaceChildren();
  });
  period.addEventListener('submit', (e) => {
    e.preventDefault();
    loadStatement();
  });
  view.replaceChildren(h('h1', t('nav.reports')), pick,
    section(t('reports.activeUsers'), h('p.sub', t('reports.activeNote')),
      h('button.secondary', { type: 'button', on: { click: () => csv('reports/active-users', 'active-users') } }, t('csv')), active),
    section(t('reports.statements'), period, statement));
  await loadActive();
}
