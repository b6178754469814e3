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
  // The platform says what an upgrade would do: nothing on the latest version, so none is offered then.
  if ((m.state === 'RUNNING' || m.state === 'STOPPED') && (m.upgradeSteps || []).length) {
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
  const steps = m.upgradeSteps;
  const plan = t('upgrade.plan', { from: m.pbxVersion, path: steps.join(' → ') });
  const key = api.idempotencyKey();
  const job = await passwordDialog(t('upgrade.title'), plan, (v) =>
    api.post('machines/' + m.id + '/upgrade', {},
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
    await new Promise((r) => setTimeout(r, 400));
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

/** A job's state in the user's words, with the step it is at while it runs ("In progress · creating …"). */
export function jobText(j) {
  if (j.state === 'FAILED') {
    return j.error || t('job.failed');
  }
  // Queued or done, the step says nothing the state does not ("queued", "done").
  const moving = j.state === 'RUNNING' || j.state === 'WAITING';
  return t('jobstate.' + j.state) + (moving && j.step ? ' · ' + j.step : '');
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
    text.textContent = jobText(j);
    panel.dataset.state = j.state;
  }).then((j) => {
    panel.classList.replace('info', j.state === 'SUCCEEDED' ? 'ok' : 'error');
    setTimeout(() => panel.remove(), j.state === 'SUCCEEDED' ? 4000 : 10000);
    done && done();
  });
}

/**
 * The upgrade's own dialog: one line per version step, marked as the job reaches it. The path is known up front
 * when the user may read the platform's settings; otherwise each step is learnt from the job ("step 2/3: a > b").
 */
function upgradeProgress(job, m, versions, done) {
  const list = h('ol.steps');
  const rows = [];
  // Each step's versions; one seen step also tells its neighbours' ends ("…" until known).
  const from = [m.pbxVersion];
  const to = [];
  const row = (i) => {
    while (rows.length <= i) {
      const li = h('li.step', { dataset: { status: 'pending' } });
      rows.push(li);
      list.append(li);
    }
    rows.forEach((r, k) => {
      r.textContent = (from[k] || '…') + ' → ' + (to[k] || '…');
    });
    return rows[i];
  };
  versions.slice(1).forEach((v, i) => {
    from[i] = versions[i];
    to[i] = v;
    row(i);
  });
  const bar = h('progress#upgrade-progress', { max: 100, value: 0 });
  const status = h('p#upgrade-status');
  const close = h('button#upgrade-close', { type: 'button', disabled: true }, t('close'));
  const dlg = h('dialog.dialog#upgrade-dialog', h('h2', t('upgrade.progress', { host: m.hostname })), list, bar, status,
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
    const at = /step (\d+)\/(\d+): (\S+) > (\S+)/.exec(j.step || '');
    if (at) {
      const k = Number(at[1]) - 1;
      [from[k], to[k]] = [at[3], at[4]];
      if (k > 0) {
        to[k - 1] = at[3];
      }
      from[k + 1] = at[4];
      row(Number(at[2]) - 1);
      rows.forEach((r, i) => {
        r.dataset.status = i < Number(at[1]) - 1 ? 'done' : i === Number(at[1]) - 1 ? 'running' : 'pending';
      });
    }
    const steps = /to (\S+) in (\d+) step/.exec(j.result || '');
    if (steps) {
      to[Number(steps[2]) - 1] = steps[1];
      row(Number(steps[2]) - 1);
    }
    if (j.state === 'SUCCEEDED') {
      rows.forEach((r) => {
        r.dataset.status = 'done';
      });
    } else if (j.state === 'FAILED') {
      rows.filter((r) => r.dataset.status === 'running').forEach((r) => {
        r.dataset.status = 'failed';
      });
    }
    status.replaceChildren(h('strong', t('jobstate.' + j.state)), ' ',
      j.state === 'FAILED' ? (j.error || t('job.failed')) : j.state === 'SUCCEEDED' ? (j.result || '') : (j.step || ''));
    status.dataset.state = j.state;
  }).then(() => {
    close.disabled = false;
    done && done();
  });
}
