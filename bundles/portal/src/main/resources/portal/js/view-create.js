// Creating a system in two steps, as in the slides: the customer-data form (kept by the server as a draft), then
// "Create", after which the machine is in the list at once as CREATING.
import * as api from './api.js';
import { t } from './i18n.js';
import { follow } from './actions.js';
import { clearErrors, field, h, section, showError, values } from './ui.js';

export async function renderCreate(view, params, ctx, live = () => true) {
  const [plans, def, owners] = await Promise.all([api.get('plans'), api.get('settings/machine.default-plan').catch(() => null),
    ctx.kind === 'platform' || ctx.kind === 'operator' ? api.get('accounts', { limit: 200 }).then((p) => p.items).catch(() => []) : []]);
  if (!live()) {
    return;
  }
  const ownerChoices = owners.filter((a) => a.type === 'reseller' || a.type === 'distributor' || a.id === ctx.user.accountId)
    .map((a) => [a.id, a.name + ' (' + t('kind.' + a.type) + ')']);
  const form = h('form.card#create-form', { autocomplete: 'off' },
    h('h2', t('create.step1')),
    ownerChoices.length > 1 ? field(t('create.owner'), 'accountId', { options: ownerChoices, value: ctx.user.accountId }) : null,
    h('div.columns',
      h('fieldset', h('legend', t('create.machine')),
        // Browsers compile a pattern with the v flag, where a bare '-' at the end of a class is an error.
        field(t('machine.hostname'), 'hostname', { required: true, pattern: '[a-z0-9]([a-z0-9\\-]*[a-z0-9])?', maxlength: 63 }),
        field(t('machine.displayName'), 'displayName', { maxlength: 200 }),
        field(t('machine.plan'), 'plan', { options: plans.map((p) => [p.name, `${p.name} · ${p.vcpu} vCPU · ${p.maxExtensions} ext.`]),
          value: def ? def.value : '' }),
        field(t('home.extensions'), 'extensions', { type: 'number', min: 1, value: 1 }),
        field(t('home.tenants'), 'tenants', { type: 'number', min: 1, value: 1 }),
        field(t('machine.lines'), 'lines', { type: 'number', min: 1 })),
      h('fieldset', h('legend', t('machine.customer')),
        ['company', 'contact', 'email', 'phone', 'address', 'taxId'].map((k) =>
          field(t('customer.' + k), 'customer.' + k, { required: true, type: k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text' })))),
    h('div.buttons', h('a.button.secondary', { href: '#/home' }, t('cancel')), h('button#create-next', { type: 'submit' }, t('create.next'))));
  // The server is the judge of every field: its errors land beside them, in the user's language where known.
  form.noValidate = true;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = values(form);
    if (v.accountId !== undefined) {
      v.accountId = Number(v.accountId);
    }
    try {
      const draft = await api.post('machines/drafts', v);
      step2(view, draft, ctx);
    } catch (err) {
      showError(form, err);
    }
  });
  view.replaceChildren(h('h1', t('create.title')), h('ol.wizard', h('li.current', t('create.step1')), h('li', t('create.step2'))), form);
}

function step2(view, d, ctx) {
  const c = d.customer;
  const rows = [[t('machine.hostname'), d.hostname], [t('machine.displayName'), d.displayName], [t('machine.plan'), d.planName],
    [t('home.extensions'), d.extensions], [t('home.tenants'), d.tenants], [t('machine.lines'), d.lines],
    [t('customer.company'), c.company], [t('customer.contact'), c.contact], [t('customer.email'), c.email],
    [t('customer.phone'), c.phone], [t('customer.address'), c.address], [t('customer.taxId'), c.taxId]];
  const key = api.idempotencyKey();
  const create = h('button#create-submit', { type: 'button' }, t('create.create'));
  const box = section(t('create.step2'), h('dl.props#draft', rows.flatMap(([k, v]) => [h('dt', k), h('dd', v ?? '')])),
    h('div.buttons', h('button.secondary#create-back', { type: 'button', on: { click: () => renderCreate(view, [], ctx) } }, t('back')), create));
  create.addEventListener('click', async () => {
    create.disabled = true;
    try {
      // The same key on a retried click: the server answers the same job instead of a second machine.
      const job = await api.post('machines', { draftId: d.id }, { headers: { 'Idempotency-Key': key } });
      location.hash = '#/home';
      follow(job, { hostname: d.hostname });
    } catch (err) {
      showError(box, err);
      create.disabled = false;
    }
  });
  view.replaceChildren(h('h1', t('create.title')), h('ol.wizard', h('li.done', t('create.step1')), h('li.current', t('create.step2'))), box);
}
