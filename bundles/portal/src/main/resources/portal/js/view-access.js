// Parts 3 and 4 of the machine page: which sources may reach which services (SIP shown, and locked), and the
// external ports the platform forwards to the machine ("SSH → 10006").
import * as api from './api.js';
import { fmtDate, t } from './i18n.js';
import { clearErrors, confirmDialog, dateField, dateValue, field, h, message, section, showError, table, toast, values } from './ui.js';

const SERVICES = ['web', 'https', 'ssh', 'telnet', 'provisioning', 'custom'];

export async function renderAccess(box, m, ctx) {
  const acc = await api.get('machines/' + m.id + '/access');
  const canWrite = ctx.user.role !== 'viewer';
  const again = () => renderAccess(box, m, ctx).catch((err) => toast(message(err), 'error'));
  const grants = acc.grants.map((g) => h('tr', { dataset: { id: g.id, service: g.service, source: g.source } },
    h('td.mono', g.source), h('td', label(g.service)), h('td', g.protocol + '/' + g.port),
    h('td.mono', g.externalPort ? String(g.externalPort) : '—'),
    h('td', h('span.badge.grant-' + g.state.toLowerCase(), t('grant.' + g.state))),
    h('td', g.expiresAt ? fmtDate(g.expiresAt) : t('grant.never')),
    h('td', canWrite ? h('button.small.danger', { type: 'button', dataset: { action: 'revoke' }, on: { click: () => revoke(m, g, again) } }, t('grant.revoke')) : '')));
  // SIP is the platform's: always listed, never with a control.
  grants.push(h('tr.locked#sip-locked', h('td.mono', t('grant.sipEdge')), h('td', 'SIP'), h('td', 'udp/5060'), h('td', '—'),
    h('td', h('span.badge.locked', t('grant.locked'))), h('td', ''), h('td.sub', t('grant.sipNote'))));
  const parts = [section('3 · ' + t('machine.access'),
    h('p', t('access.intro')),
    table([t('grant.source'), t('grant.service'), t('grant.port'), t('grant.external'), t('col.state'), t('grant.expires'), ''], grants, { id: 'grants' }),
    canWrite ? grantForm(m, ctx, again) : null)];
  const forwards = acc.forwards.map((f) => h('li.forward', { dataset: { service: f.service, external: f.externalPort } },
    h('strong', label(f.service)), ' → ', h('span.mono.external-port', String(f.externalPort)),
    h('span.sub', ` (${f.publicAddress}:${f.externalPort} → ${acc.internalIp || m.internalIp}:${f.port}/${f.protocol})`)));
  parts.push(section('4 · ' + t('machine.ports'),
    forwards.length ? h('ul.forwards#forwards', forwards) : h('p.empty#no-forwards', t('ports.none')),
    h('p.sub', t('ports.note'))));
  box.replaceChildren(...parts);
}

function label(service) {
  return SERVICES.includes(service) && service !== 'custom' ? t('svc.' + service) : service;
}

function grantForm(m, ctx, again) {
  const custom = h('div.custom-fields',
    field(t('grant.name'), 'name', { maxlength: 40 }),
    field(t('grant.port'), 'port', { type: 'number', min: 1, max: 65535 }),
    field(t('grant.protocol'), 'protocol', { options: [['tcp', 'TCP'], ['udp', 'UDP']] }));
  custom.hidden = true;
  const services = ctx.kind === 'distributor' ? ['web', 'https'] : SERVICES;
  const form = h('form.inline#grant-form',
    field(t('grant.source'), 'source', { placeholder: '198.51.100.7 / 198.51.100.0/24', required: true }),
    field(t('grant.service'), 'service', { options: services.map((s) => [s, t('svc.' + s)]) }),
    custom,
    dateField(t('grant.expiresOptional'), 'expiresAt', 'datetime'),
    h('button', { type: 'submit' }, t('grant.add')));
  const service = form.querySelector('[name=service]');
  service.addEventListener('change', () => {
    custom.hidden = service.value !== 'custom';
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = values(form);
    if (v.service !== 'custom') {
      delete v.name;
      delete v.port;
      delete v.protocol;
    }
    try {
      const expires = dateValue(form, 'expiresAt');
      v.expiresAt = expires ? expires.toISOString() : undefined;
      const g = await api.post('machines/' + m.id + '/access', v);
      toast(g.externalPort ? t('grant.addedPort', { svc: label(g.service), port: g.externalPort }) : t('grant.added'), 'ok');
      await again();
    } catch (err) {
      showError(form, err);
    }
  });
  return form;
}

async function revoke(m, g, again) {
  if (!(await confirmDialog(t('grant.revokeTitle'), t('grant.revokeText', { svc: label(g.service), src: g.source }), t('grant.revoke'), true))) {
    return;
  }
  try {
    await api.del('machines/' + m.id + '/access/' + g.id);
    await again();
  } catch (err) {
    toast(message(err), 'error');
  }
}
