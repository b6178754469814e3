// The home panel: the totals billed at the top, then the machines (searchable, paged) and, for an operator or
// the platform, its resellers. A distributor gets its list of machines with their direct links.
import * as api from './api.js';
import { fmtNumber, t } from './i18n.js';
import { actionButtons } from './actions.js';
import { badge, debounce, h, message, pager, section, table, toast } from './ui.js';

const LIMIT = 20;
const MOVING = new Set(['CREATING', 'STOPPING', 'STARTING', 'UPGRADING', 'DELETING']);

export async function renderHome(view, params, ctx, live) {
  const state = { offset: 0, search: '', accountId: null, seq: 0 };
  const totals = h('div.totals#totals');
  const list = h('div#machine-list');
  const search = h('input#search', { type: 'search', placeholder: t('home.search'), 'aria-label': t('home.search') });
  const filter = h('span.filter#account-filter');
  let timer = null;

  async function loadTotals() {
    const tot = await api.get('machines/totals', { accountId: state.accountId });
    const machines = Object.values(tot.machinesByState || {}).reduce((a, b) => a + b, 0);
    totals.replaceChildren(
      tile('tenants', t('home.tenants'), tot.tenants),
      tile('extensions', t('home.extensions'), tot.extensions),
      tile('machines', t('home.machines'), machines));
  }

  // A refresh that fails (the platform briefly out of reach) is tried again later rather than given up.
  function refresh() {
    Promise.all([loadMachines(), loadTotals()]).catch(() => {
      if (live()) {
        timer = setTimeout(refresh, 3000);
      }
    });
  }

  async function loadMachines() {
    clearTimeout(timer);
    // Answers may come back out of order while the user types: only the latest request's is shown.
    const seq = ++state.seq;
    const page = await api.get('machines', { offset: state.offset, limit: LIMIT, search: state.search, accountId: state.accountId });
    if (!live() || seq !== state.seq) {
      return;
    }
    const distributor = ctx.kind === 'distributor';
    const rows = page.items.map((m) => h('tr', { dataset: { id: m.id, hostname: m.hostname, state: m.state } },
      h('td.mono', m.serial),
      h('td', h('a.hostname', { href: '#/machines/' + m.id }, m.hostname), m.displayName && m.displayName !== m.hostname ? h('div.sub', m.displayName) : null),
      distributor ? null : h('td', m.customer ? m.customer.company : ''),
      // A distributor's list is the list of direct links to its machines.
      distributor ? h('td', m.openUrl ? h('a.direct', { href: m.openUrl, target: '_blank', rel: 'noopener noreferrer' }, m.openUrl) : '—') : null,
      h('td', m.apps.length ? m.apps.join(', ') : '—'),
      h('td', m.pbxVersion || ''),
      h('td.num', m.extensions + ' / ' + m.tenants),
      h('td', badge(m.state), m.driverAvailable ? null : h('div.sub.warn', t('home.driverUnavailable'))),
      h('td', actionButtons(m, ctx, refresh))));
    const headers = [t('col.serial'), t('col.hostname'), distributor ? null : t('col.customer'), distributor ? t('col.link') : null,
      t('col.apps'), t('col.version'),
      t('col.extTen'), t('col.state'), t('col.actions')].filter((x) => x !== null);
    list.replaceChildren(page.items.length ? table(headers, rows, { id: 'machines' }) : h('p.empty#no-machines', state.search ? t('home.noMatch') : t('home.none')),
      pager(page, (o) => {
        state.offset = o;
        loadMachines();
      }));
    // Machines in motion are shown as they go live, without a reload.
    if (page.items.some((m) => MOVING.has(m.state))) {
      timer = setTimeout(() => live() && refresh(), 1500);
    }
  }

  search.addEventListener('input', debounce(() => {
    state.search = search.value.trim();
    state.offset = 0;
    loadMachines().catch((err) => toast(message(err), 'error'));
  }, 250));

  const parts = [h('h1', ctx.kind === 'distributor' ? t('home.distributorTitle') : t('home.title')), totals,
    section(t('home.machinesTitle'), h('div.toolbar', search, filter,
      ctx.kind !== 'distributor' && ctx.user.role !== 'viewer' ? h('a.button#create-link', { href: '#/create' }, '+ ' + t('nav.create')) : null), list)];
  if (ctx.kind === 'distributor') {
    parts.splice(2, 0, h('p.notice', t('home.distributorNote')));
  }
  let resellers = null;
  if (ctx.kind === 'platform' || ctx.kind === 'operator') {
    resellers = h('div#resellers');
    parts.push(section(t('home.resellers'), resellers));
  }
  // Choosing a reseller narrows the list and the totals to its machines; the chip's × widens them again.
  function setFilter(acc) {
    state.accountId = acc ? acc.id : null;
    state.offset = 0;
    filter.replaceChildren(...(acc ? [h('span.chip', acc.name, ' ', h('button.link', { type: 'button', on: { click: () => setFilter(null) } }, '×'))] : []));
    loadTotals();
    loadMachines();
  }
  view.replaceChildren(...parts);
  await Promise.all([loadTotals(), loadMachines(), resellers ? loadResellers(resellers, setFilter) : null]);
  return () => clearTimeout(timer);
}

function tile(id, label, value) {
  return h('div.tile', { id: 'total-' + id }, h('span.value', fmtNumber(value)), h('span.label', label));
}

async function loadResellers(box, pick) {
  const page = await api.get('accounts', { type: 'reseller', limit: 100 });
  const totals = await Promise.all(page.items.map((a) => api.get('machines/totals', { accountId: a.id }).catch(() => null)));
  box.replaceChildren(page.items.length ? table([t('col.reseller'), t('col.status'), t('home.extensions'), t('home.tenants')],
    page.items.map((a, i) => h('tr', { dataset: { id: a.id } },
      h('td', h('button.link', { type: 'button', on: { click: () => pick(a) } }, a.name)),
      h('td', t('status.' + a.status)),
      h('td.num', totals[i] ? fmtNumber(totals[i].extensions) : '—'),
      h('td.num', totals[i] ? fmtNumber(totals[i].tenants) : '—'))), { id: 'reseller-list' }) : h('p.empty', t('home.noResellers')));
}
