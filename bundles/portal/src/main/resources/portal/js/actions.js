// Machine actions and the jobs they start: open, stop, start, delete and upgrade, each with its dialog, and the
// job's progress followed live without blocking the page.
import * as api from './api.js';
import { t } from './i18n.js';
import { confirmDialog, h, message, passwordDialog, toast } from './ui.js';

const STOPPABLE = new Set(['RUNNING']);

/** The buttons for one machine; done() is called when a job the user started has finished. */
export function actionButtons(m, ctx, done) {
  const b = [];
  if (m.openUrl && m.state === 'RUNNING') {
    // A link of its own (not window.open) so that it opens this machine's UI, and no other, in a new tab.
    b.push(h('a.button.open', { href: m.openUrl, target: '_blank', rel: 'noopener noreferrer', dataset: { action: 'open' } }, t('act.open')));
  }
  if (ctx.user.role === 'viewer' || ctx.kind === 'distributor') {
    return h('span.actions', b);
  }
  if (STOPPABLE.has(m.state)) {
    b.push(button('stop', () => stop(m, done)));
  }
  if (m.state === 'STOPPED') {
    b.push(button('start', () => start(m, done)));
    b.push(button('delete', () => remove(m, done), true));
  }
  if (m.state === 'RUNNING' || m.state === 'STOPPED') {
    b.push(button('upgrade', () => upgrade(m, done)));
  }
  return h('span.actions', b);
}

function button(action, fn, danger) {
  return h('button.small' + (danger ? '.danger' : '.secondary'), { type: 'button', dataset: { action }, on: { click: fn } }, t('act.' + action));
}

async function stop(m, done) {
  if (!(await confirmDialog(t('stop.title'), t('stop.text', { host: m.hostname }), t('act.stop'), true))) {
    return;
  }
  await run(() => api.post('machines/' + m.id + '/stop', { confirm: true }, { headers: { 'Idempotency-Key': api.idempotencyKey() } }), m, done);
}

async function start(m, done) {
  await run(() => api.post('machines/' + m.id + '/start', {}, { headers: { 'Idempotency-Key': api.idempotencyKey() } }), m, done);
}

async function remove(m, done) {
  const key = api.idempotencyKey();
  const job = await passwordDialog(t('delete.title'), t('delete.text', { host: m.hostname }), (v) =>
    api.del('machines/' + m.id, { confirm: 'true' }, { headers: { ...api.reauth(v.password, v.otp), 'Idempotency-Key': key } }));
  if (job) {
    follow(job, m, done);
  }
}

async function upgrade(m, done) {
  let path = [];
  try {
    path = String((await api.get('settings/pbx.upgrade-path')).value).split('>').map((s) => s.trim());
  } catch (ignored) {
    path = [];
  }
  const from = path.indexOf(m.pbxVersion);
  const steps = from < 0 ? [] : path.slice(from + 1);
  const plan = steps.length ? t('upgrade.plan', { from: m.pbxVersion, path: steps.join(' → ') }) : t('upgrade.latest', { v: m.pbxVersion });
  const key = api.idempotencyKey();
  const job = await passwordDialog(t('upgrade.title'), plan, (v) =>
    api.post('machines/' + m.id + '/upgrade', { password: v.password },
      { headers: { ...api.reauth(v.password, v.otp), 'Idempotency-Key': key } }));
  if (job) {
    upgradeProgress(job, m, [m.pbxVersion, ...steps], done);
  }
}

async function run(call, m, done) {
  try {
    follow(await call(), m, done);
  } catch (err) {
    toast(message(err), 'error');
  }
}

/** Polls a job until it ends; calls onChange with every new state. */
export async function watch(job, onChange) {
  let j = job;
  onChange(j);
  while (!['SUCCEEDED', 'FAILED'].includes(j.state)) {
    await new Promise((r) => setTimeout(r, 500));
    try {
      j = await api.get('jobs/' + j.id);
    } catch (err) {
      if (err.status === 401 || err.status === 403) {
        return j;
      }
      continue;
    }
    onChange(j);
  }
  return j;
}

/** A small live panel for a job, in the corner: the page stays usable meanwhile. */
export function follow(job, m, done) {
  const bar = h('progress', { max: 100, value: job.percent || 0 });
  const text = h('span.job-step');
  const panel = h('div.job.toast.info', { dataset: { job: job.id, type: job.type } },
    h('strong', t('job.' + job.type, { host: m.hostname })), bar, text);
  document.getElementById('toasts').append(panel);
  done && done();
  watch(job, (j) => {
    bar.value = j.percent || 0;
    text.textContent = j.state === 'FAILED' ? (j.error || t('job.failed')) : t('jobstate.' + j.state) + (j.step ? ' · ' + j.step : '');
    panel.dataset.state = j.state;
  }).then((j) => {
    panel.classList.replace('info', j.state === 'SUCCEEDED' ? 'ok' : 'error');
    setTimeout(() => panel.remove(), j.state === 'SUCCEEDED' ? 4000 : 10000);
    done && done();
  });
}

/** The upgrade's own dialog: one line per version step, marked as the job reaches it. */
function upgradeProgress(job, m, versions, done) {
  const rows = versions.slice(1).map((v, i) => h('li.step', { dataset: { to: v, status: 'pending' } },
    versions[i] + ' → ' + v));
  const bar = h('progress#upgrade-progress', { max: 100, value: 0 });
  const status = h('p#upgrade-status');
  const close = h('button#upgrade-close', { type: 'button', disabled: true }, t('close'));
  const dlg = h('dialog.dialog#upgrade-dialog', h('h2', t('upgrade.progress', { host: m.hostname })), h('ol.steps', rows), bar, status,
    h('div.buttons', close));
  close.addEventListener('click', () => {
    dlg.close();
    dlg.remove();
  });
  document.body.append(dlg);
  // Not modal: the rest of the page stays usable while the upgrade runs.
  dlg.show();
  done && done();
  watch(job, (j) => {
    bar.value = j.percent || 0;
    const at = /step (\d+)\/(\d+)/.exec(j.step || '');
    const reached = j.state === 'SUCCEEDED' ? rows.length : at ? Number(at[1]) - 1 : 0;
    rows.forEach((r, i) => {
      r.dataset.status = i < reached ? 'done' : i === reached && j.state === 'RUNNING' ? 'running' : j.state === 'FAILED' && i === reached ? 'failed' : r.dataset.status === 'done' ? 'done' : 'pending';
    });
    status.replaceChildren(h('strong', t('jobstate.' + j.state)), ' ',
      j.state === 'FAILED' ? (j.error || t('job.failed')) : j.state === 'SUCCEEDED' ? (j.result || t('jobstate.SUCCEEDED')) : (j.step || ''));
    status.dataset.state = j.state;
  }).then(() => {
    close.disabled = false;
    done && done();
  });
}
