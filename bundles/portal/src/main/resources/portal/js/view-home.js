// The home panel: the totals billed at the top, then the machines (searchable, paged) and, for an operator or
// the platform, its resellers. A distributor gets its list of machines with their direct links.
import * as api from './api.js';
import { fmtNumber, t, tn } from './i18n.js';
import { actionButtons } from './actions.js';
import { badge, debounce, h, message, pager, section, table, toast } from './ui.js';

const LIMIT = 20;
export const MOVING = new Set(['CREATING', 'STOPPING', 'STARTING', 'UPGRADING', 'DELETING']);
// How often a page looks again by itself: soon while a machine is on its way somewhere, otherwise now and then
// for what others change (a machine the platform prepared, one stopped elsewhere). A hidden tab does not look.
export const POLL_MOVING_MS = 1500;
export const POLL_MS = 10000;

export async function renderHome(view, params, ctx, live) {
  const state = { offset: 0, search: '', accountId: null, seq: 0 };
  // Apps by their names, as the machine page shows them. Nothing is awaited before the page is drawn: a page drawn
  // late would replace a newer one (the router may render the same page twice in a row).
  const catalog = api.get('apps').then((apps) => new Map(apps.map((a) => [a.key, a.name])), () => new Map());
  const owners = ctx.kind === 'platform' || ctx.kind === 'operator';
  const totals = h('div.totals#totals');
  const list = h('div#machine-list');
  const search = h('input#search', { type: 'search', placeholder: t('home.search'), 'aria-label': t('home.search') });
  const filter = h('span.filter#account-filter');
  let timer = null;

  async function loadTotals() {
    const tot = await api.get('machines/totals', { accountId: state.accountId });
    if (!live()) {
      return;
    }
    totals.replaceChildren(
      tile('tenants', tn('home.tenants', tot.tenants), tot.tenants),
      tile('extensions', tn('home.extensions', tot.extensions), tot.extensions),
      tile('machines', tn('home.machines', tot.machines), tot.machines));
  }

  // The list and the totals again, then again later; one timer at a time, however many refreshes overlap. A
  // refresh that fails (the platform briefly out of reach) is not the end of it: the next one tries again.
  async function refresh() {
    clearTimeout(timer);
    let moving = false;
    if (!document.hidden) {
      try {
        [moving] = await Promise.all([loadMachines(), loadTotals()]);
      } catch (err) {
        moving = true;
      }
    }
    if (live()) {
      clearTimeout(timer);
      timer = setTimeout(refresh, moving ? POLL_MOVING_MS : POLL_MS);
    }
  }

  /** Shows the page of machines; answers whether any of them is on its way to another state. */
  async function loadMachines() {
    // Answers may come back out of order while the user types: only the latest request's is shown.
    const seq = ++state.seq;
    const [page, appNames] = await Promise.all([
      api.get('machines', { offset: state.offset, limit: LIMIT, search: state.search, accountId: state.accountId }), catalog]);
    if (!live() || seq !== state.seq) {
      return false;
    }
    const distributor = ctx.kind === 'distributor';
    const rows = page.items.map((m) => h('tr', { dataset: { id: m.id, hostname: m.hostname, state: m.state } },
      h('td.mono', m.serial),
      h('td', h('a.hostname', { href: '#/machines/' + m.id }, m.hostname), m.displayName && m.displayName !== m.hostname ? h('div.sub', m.displayName) : null),
      owners ? h('td.owner', m.accountName || '#' + m.accountId) : null,
      distributor ? null : h('td', m.customer ? m.customer.company : ''),
      // A distributor's list is the list of direct links to its machines.
      distributor ? h('td', m.openUrl ? h('a.direct', { href: m.openUrl, target: '_blank', rel: 'noopener noreferrer' }, m.openUrl) : '—') : null,
      h('td.apps', m.apps.length ? m.apps.map((k) => appNames.get(k) || k).join(', ') : '—'),
      h('td', m.pbxVersion || ''),
      h('td.num', m.extensions + ' / ' + m.tenants),
      h('td', badge(m.state), m.driverAvailable ? null : h('div.sub.warn', t('home.driverUnavailable'))),
      h('td', actionButtons(m, ctx, refresh))));
    const headers = [t('col.serial'), t('col.hostname'), owners ? t('col.owner') : null, distributor ? null : t('col.customer'),
      distributor ? t('col.link') : null,
      t('col.apps'), t('col.version'),
      t('col.extTen'), t('col.state'), t('col.actions')].filter((x) => x !== null);
    list.replaceChildren(page.items.length ? table(headers, rows, { id: 'machines' }) : h('p.empty#no-machines', state.search ? t('home.noMatch') : t('home.none')),
      pager(page, (o) => {
        state.offset = o;
        loadMachines();
      }));
    return page.items.some((m) => MOVING.has(m.state));
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
  const [, moving] = await Promise.all([loadTotals(), loadMachines(), resellers ? loadResellers(resellers, setFilter) : null]);
  if (live()) {
    timer = setTimeout(refresh, moving ? POLL_MOVING_MS : POLL_MS);
  }
  return () => {
    // The page is gone: no refresh from now on, even one whose answer is still on its way.
    clearTimeout(timer);
    timer = null;
  };
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
