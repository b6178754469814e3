// Settings of the operator and the platform: resource plans, platform settings (locked ones read-only, with the
// reason), the SIP edge's state (the platform's administrators), the DID routing table (view-dids.js) and the apps
// catalog.
import * as api from './api.js';
import { fmtDate, t } from './i18n.js';
import { renderDids } from './view-dids.js';
import { clearErrors, field, h, section, showError, table, toast, values } from './ui.js';

const PLAN_FIELDS = ['vcpu', 'memoryMb', 'diskGb', 'maxExtensions', 'maxTenants', 'maxConcurrentCalls'];

export async function renderSettings(view, params, ctx, live) {
  const [plans, settings, apps] = await Promise.all([api.get('plans'), api.get('settings'), api.get('apps')]);
  if (!live()) {
    return;
  }
  const dids = h('div#dids');
  const edge = h('div#sip-edge');
  const platform = ctx.kind === 'platform' && ctx.user.role !== 'viewer';
  view.replaceChildren(...[h('h1', t('nav.settings')),
    section(t('settings.plans'), plansTable(plans, ctx)),
    section(t('settings.platform'), settingsTable(settings, ctx)),
    platform ? section(t('edge.title'), edge) : null,
    section(t('settings.dids'), dids),
    section(t('settings.apps'), table([t('apps.key'), t('apps.name'), t('apps.licence'), t('apps.description'), t('apps.enabled')],
      apps.map((a) => h('tr', { dataset: { key: a.key } }, h('td.mono', a.key), h('td', a.name), h('td', t('licence.' + a.licenceType)),
        h('td', a.description || ''), h('td', a.enabled ? '✓' : '—'))), { id: 'apps-catalog' }))].filter((c) => c !== null));
  if (platform) {
    await renderEdge(edge);
  }
  await renderDids(dids, ctx);
}

// The SIP edge as the platform runs it: whether it runs and where, what it holds against the database, what stops
// it, and a full reload.
async function renderEdge(box) {
  let st;
  try {
    st = await api.get('sip-edge');
  } catch (err) {
    box.replaceChildren(h('p.sub', t('edge.unavailable')));
    return;
  }
  const sync = h('button.small.secondary#sip-edge-sync', { type: 'button' }, t('edge.sync'));
  sync.addEventListener('click', async () => {
    sync.disabled = true;
    try {
      await api.post('sip-edge/sync', {});
      toast(t('edge.synced'), 'ok');
      await renderEdge(box);
    } catch (err) {
      toast(err.message, 'error');
      sync.disabled = false;
    }
  });
  const row = (label, value) => h('tr', h('th', label), h('td', value));
  box.replaceChildren(...[
    h('table.facts', { dataset: { running: String(st.running) } },
      row(t('edge.state'), h('strong', st.running ? t('edge.running') : t('edge.down'))),
      row(t('edge.listen'), st.listen.join(', ')),
      row(t('edge.routes'), t('edge.routesOf', { edge: st.edgeRoutes, db: st.routes })),
      row(t('edge.carriers'), st.carriers.length ? st.carriers.join(', ') : t('edge.noCarriers')),
      row(t('edge.lastLoad'), st.lastLoad ? fmtDate(st.lastLoad) + ' (' + st.lastLoadMs + ' ms)' : '—')),
    st.problems.length ? h('ul.problems#sip-edge-problems', st.problems.map((p) => h('li', p))) : null,
    st.drift.length ? h('ul.drift', st.drift.map((d) => h('li', d))) : null,
    sync].filter((c) => c !== null));
}

function plansTable(plans, ctx) {
  const own = (p) => p.ownerAccountId === ctx.user.accountId && ctx.user.role !== 'viewer';
  const rows = plans.map((p) => {
    const tr = h('tr', { dataset: { id: p.id, name: p.name } }, h('td', h('strong', p.name)),
      PLAN_FIELDS.map((f) => h('td.num', String(p[f]))),
      h('td', own(p) ? h('button.small.secondary', { type: 'button', on: { click: () => edit(tr, p) } }, t('edit')) : t('plan.inherited')));
    return tr;
  });
  const box = h('div', table([t('plan.name'), ...PLAN_FIELDS.map((f) => t('plan.' + f)), ''], rows, { id: 'plans' }));
  if (ctx.user.role !== 'viewer') {
    const form = h('form.inline#plan-add', field(t('plan.name'), 'name', { maxlength: 20, required: true }),
      PLAN_FIELDS.map((f) => field(t('plan.' + f), f, { type: 'number', min: 0 })), h('button', { type: 'submit' }, t('plan.add')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      try {
        await api.post('plans', values(form));
        toast(t('saved'), 'ok');
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (err) {
        showError(form, err);
      }
    });
    box.append(h('h3', t('plan.add')), form);
  }
  return box;
}

function edit(tr, p) {
  const form = h('form.inline', PLAN_FIELDS.map((f) => field(t('plan.' + f), f, { type: 'number', min: 0, value: p[f] })),
    h('button', { type: 'submit' }, t('save')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    try {
      await api.patch('plans/' + p.id, values(form));
      toast(t('saved'), 'ok');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (err) {
      showError(form, err);
    }
  });
  tr.after(h('tr.editing', h('td', { colspan: PLAN_FIELDS.length + 2 }, form)));
}

function settingsTable(settings, ctx) {
  const platform = ctx.kind === 'platform' && ctx.user.role !== 'viewer';
  return table([t('settings.key'), t('settings.value'), t('settings.description'), ''], settings.map((s) => {
    // platform-wide: only the platform's administrators change them, locked or not
    const editable = platform;
    const cell = h('td');
    const row = h('tr', { dataset: { key: s.key, locked: String(s.locked) }, class: s.locked ? 'locked' : null },
      h('td.mono', s.key), cell, h('td', s.description, s.locked ? h('div.lock-reason', t('settings.locked') + ': ' + (s.lockReason || '')) : null,
        s.updatedBy ? h('div.sub', t('settings.changed', { who: s.updatedBy, when: fmtDate(s.updatedAt) })) : null),
      h('td'));
    if (!editable) {
      cell.append(h('span.mono.readonly', s.value));
      return row;
    }
    const form = h('form.setting', field(t('settings.valueOf', { key: s.key }), 'value',
      { ...(s.choices.length ? { options: s.choices.map((c) => [c, c]) } : {}), value: s.value, hideLabel: true }),
      h('button.small', { type: 'submit' }, t('save')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      try {
        await api.put('settings/' + encodeURIComponent(s.key), { value: form.querySelector('[name=value]').value });
        toast(t('saved'), 'ok');
      } catch (err) {
        showError(form, err);
      }
    });
    cell.append(form);
    return row;
  }), { id: 'settings' });
}
