// The machine page, in the four parts of the slides: parameters and apps, customer data with the plan change
// request, whitelist and access (view-access.js), and the forwarded ports.
import * as api from './api.js';
import { fmtDate, t } from './i18n.js';
import { actionButtons } from './actions.js';
import { renderAccess } from './view-access.js';
import { MOVING, POLL_MOVING_MS, POLL_MS } from './view-home.js';
import { badge, field, h, message, passwordDialog, section, showError, table, toast, withReauth } from './ui.js';

export async function renderMachine(view, [id], ctx, live) {
  let timer = null;
  const [m, catalog, plans] = await Promise.all([api.get('machines/' + id), api.get('apps').catch(() => []),
    api.get('plans').catch(() => [])]);
  if (!live()) {
    return null;
  }
  // The router renders the page again, and stops this one's timer first.
  const reload = () => live() && window.dispatchEvent(new HashChangeEvent('hashchange'));
  const header = h('div.machine-head',
    h('h1', m.hostname, ' ', badge(m.state)),
    h('p.sub', t('machine.serial') + ' ', h('span.mono#machine-serial', m.serial), ' · ', m.pbxVersion || ''),
    actionButtons(m, ctx, () => setTimeout(reload, 300)));
  const parts = [h('a.back', { href: '#/home' }, '← ' + t('nav.home')), header,
    parameters(m, catalog, ctx, reload),
    customer(m, plans, ctx)];
  const access = h('div#access-parts');
  parts.push(access);
  view.replaceChildren(...parts);
  await renderAccess(access, m, ctx);
  // The page is drawn again when the machine changes (here or elsewhere), but not under the user's typing.
  const seen = fingerprint(m);
  const look = async () => {
    let now = m;
    try {
      now = document.hidden ? m : await api.get('machines/' + id);
    } catch (err) {
      now = m;
    }
    const typing = view.contains(document.activeElement) && document.activeElement.matches('input, select, textarea');
    if (!live()) {
      return;
    }
    if (fingerprint(now) !== seen && !typing) {
      reload();
    } else {
      timer = setTimeout(look, MOVING.has(now.state) ? POLL_MOVING_MS : POLL_MS);
    }
  };
  timer = setTimeout(look, MOVING.has(m.state) ? POLL_MOVING_MS : POLL_MS);
  return () => clearTimeout(timer);
}

/** What the page shows of a machine that can change: its state, version, apps and plan. */
function fingerprint(m) {
  return JSON.stringify([m.state, m.pbxVersion, m.apps, m.planId, m.updatedAt]);
}

function parameters(m, catalog, ctx, reload) {
  const rows = [
    [t('machine.hostname'), m.hostname], [t('machine.displayName'), m.displayName], [t('machine.plan'), m.planName],
    [t('col.owner'), m.accountName], [t('col.version'), m.pbxVersion], [t('machine.host'), m.host + ' (' + m.driverType + ')'],
    [t('machine.internalIp'), m.internalIp],
    [t('home.extensions'), m.extensions], [t('home.tenants'), m.tenants], [t('machine.lines'), m.lines],
    [t('machine.created'), fmtDate(m.createdAt)], [t('machine.updated'), fmtDate(m.updatedAt)]];
  const canWrite = ctx.user.role !== 'viewer' && ctx.kind !== 'distributor';
  const apps = catalog.filter((a) => a.enabled || m.apps.includes(a.key)).map((a) => {
    const box = h('input', { type: 'checkbox', id: 'app-' + a.key, checked: m.apps.includes(a.key), disabled: !canWrite });
    box.addEventListener('change', async () => {
      box.disabled = true;
      try {
        await (box.checked ? api.put('machines/' + m.id + '/apps/' + a.key) : api.del('machines/' + m.id + '/apps/' + a.key));
        toast(t(box.checked ? 'apps.on' : 'apps.off', { app: a.name }), 'ok');
        reload();
      } catch (err) {
        box.checked = !box.checked;
        toast(message(err), 'error');
      } finally {
        box.disabled = !canWrite;
      }
    });
    return h('li', box, h('label', { for: 'app-' + a.key }, a.name), h('span.sub', ' · ' + t('licence.' + a.licenceType)));
  });
  return section('1 · ' + t('machine.parameters'),
    h('div.columns',
      h('div', h('h3', t('machine.pbxSettings')), h('dl.props#pbx-settings', rows.flatMap(([k, v]) => [h('dt', k), h('dd', v ?? '')]))),
      h('div', h('h3', t('machine.apps')), apps.length ? h('ul.apps#apps', apps) : h('p.empty', t('apps.none')))));
}

function customer(m, plans, ctx) {
  const c = m.customer || {};
  const data = [['company', c.company], ['contact', c.contact], ['email', c.email], ['phone', c.phone], ['address', c.address], ['taxId', c.taxId]];
  const changes = h('div#plan-changes');
  const body = [h('dl.props#customer-data', data.flatMap(([k, v]) => [h('dt', t('customer.' + k)), h('dd', v || '')])),
    h('h3', t('plan.title')), h('p', t('plan.current') + ' ', h('strong#current-plan', m.planName)), h('p.notice', t('plan.warning')), changes];
  if (ctx.user.role !== 'viewer' && ctx.kind !== 'distributor') {
    const form = h('form.inline#plan-form',
      field(t('plan.new'), 'plan', { options: plans.filter((p) => p.id !== m.planId).map((p) => [p.name, planLabel(p)]) }),
      field(t('plan.reason'), 'reason', { maxlength: 500 }),
      h('button', { type: 'submit' }, t('plan.request')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const plan = form.querySelector('[name=plan]').value;
      const reason = form.querySelector('[name=reason]').value.trim();
      const done = await passwordDialog(t('plan.request'), t('plan.confirm', { host: m.hostname, plan }), (v) =>
        api.post('plan-changes', { machineId: m.id, plan, reason: reason || null }, { headers: api.reauth(v.password, v.otp) }))
        .catch((err) => showError(form, err));
      if (done) {
        toast(t('plan.sent'), 'ok');
        loadChanges(changes, m, plans, ctx);
      }
    });
    body.splice(4, 0, form);
  }
  loadChanges(changes, m, plans, ctx);
  return section('2 · ' + t('machine.customer'), ...body);
}

function planLabel(p) {
  return `${p.name} · ${p.vcpu} vCPU · ${Math.round(p.memoryMb / 1024 * 10) / 10} GB · ${p.maxExtensions} ext.`;
}

async function loadChanges(box, m, plans, ctx) {
  let list;
  try {
    list = (await api.get('plan-changes')).filter((p) => p.machineId === m.id);
  } catch (err) {
    box.replaceChildren(h('p.form-error', message(err)));
    return;
  }
  const name = (id) => (plans.find((p) => p.id === id) || {}).name || '#' + id;
  box.replaceChildren(list.length ? table([t('plan.requested'), t('plan.change'), t('plan.reason'), t('col.state'), t('plan.decision')],
    list.map((p) => h('tr', { dataset: { id: p.id, state: p.state } },
      h('td', fmtDate(p.requestedAt), h('div.sub', p.requestedBy)),
      h('td', name(p.fromPlanId) + ' → ' + name(p.toPlanId)),
      h('td', p.reason || ''),
      h('td', h('span.badge.approval-' + p.state.toLowerCase(), t('approval.' + p.state))),
      h('td', p.decidedBy ? [p.decidedBy, ' · ', fmtDate(p.decidedAt), p.decision ? h('div.sub', p.decision) : null]
        : ctx.kind === 'platform' && ctx.user.role !== 'viewer' ? decide(p, () => loadChanges(box, m, plans, ctx)) : ''))),
    { id: 'plan-change-list' }) : h('p.empty', t('plan.none')));
}

function decide(p, after) {
  const go = (verb) => async () => {
    try {
      await withReauth((headers) => api.post('plan-changes/' + p.id + '/' + verb, {}, { headers }), t('plan.' + verb), api.reauth);
      after();
    } catch (err) {
      toast(message(err), 'error');
    }
  };
  return h('span.actions', h('button.small', { type: 'button', on: { click: go('approve') } }, t('plan.approve')),
    h('button.small.danger', { type: 'button', on: { click: go('reject') } }, t('plan.reject')));
}
