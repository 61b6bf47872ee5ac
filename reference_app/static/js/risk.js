// Risk Management: live risk metrics, the account's limits and their editor, the Emergency Stop and its resume, alerts.
import { connectLive, fetchJson, loadData, notDoneText } from './live.js';
import { showHalt } from './halt.js';
import { DASH, clockTime, signedPercent, units, usd } from './format.js';
import { seam } from './faults.js';

const $ = (selector, root = document) => root.querySelector(selector);
const byTestId = (id, root = document) => $(`[data-testid="${id}"]`, root);

const screen = $('.risk');
const may = {
  editLimits: screen.dataset.mayEditLimits === 'true',
  stop: screen.dataset.mayStop === 'true',
  resume: screen.dataset.mayResume === 'true',
};
let metricsValuedAt = 0;
let haltAsOf = 0;
let halted = byTestId('risk-trading-state').dataset.state === 'halted';
let limits = null;

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text; // no mutation when nothing changed
}

function showMoney(element, value) {
  setText(element, usd(value));
  element.dataset.sign = value <= -0.005 ? 'loss' : value >= 0.005 ? 'profit' : 'flat';
}

// ---- Metrics ----------------------------------------------------------------------------------------------------

function showMetrics(metrics) {
  if (!metrics || metrics.valued_at < metricsValuedAt) return;
  metricsValuedAt = metrics.valued_at;
  setText(byTestId('risk-portfolio-value'), usd(metrics.portfolio_value_usd));
  showMoney(byTestId('risk-daily-pnl'), metrics.daily_pnl_usd);
  setText(byTestId('risk-max-drawdown'), signedPercent(metrics.max_drawdown));
  setText(byTestId('risk-var-95'), metrics.var_95_usd == null ? DASH : usd(metrics.var_95_usd));
  setText(byTestId('risk-gross-exposure'), usd(metrics.gross_exposure_usd));
  setText(byTestId('risk-var-note'), metrics.var_95_usd == null
    ? `VaR needs ${metrics.var_min_returns} equity returns; ${metrics.var_returns} recorded so far.`
    : `VaR over the last ${metrics.var_returns} one-second equity returns (parametric, 95%).`);
}

// ---- Limits and their editor ------------------------------------------------------------------------------------

const editButton = $('[data-action="edit-limits"]');
const limitsForm = $('form[aria-label="Edit Limits"]');
const limitsError = byTestId('limits-error');
const limitsStatus = byTestId('limits-status');
const limitInputs = {
  max_position_size: $('#limit-max-position-size'),
  daily_loss_limit: $('#limit-daily-loss-limit'),
};

function showLimits(next) {
  limits = next;
  setText(byTestId('risk-limit-max-position-size'), units(next.max_position_size));
  setText(byTestId('risk-limit-daily-loss'), usd(next.daily_loss_limit, { wholeDollars: true }));
}

// The console's reasons for one field of the editor, found by the field's name (the label is for people).
const reasonsFor = seam('risk.reasonsFor', (errors, field) => errors.filter((error) => error.field === field)
  .map((error) => error.reason));

function markProblems(errors = []) {
  for (const [field, input] of Object.entries(limitInputs)) {
    const problem = reasonsFor(errors, field).join('; ');
    $(`#${input.getAttribute('aria-describedby')}`).textContent = problem;
    if (problem) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

// The editor opens on the limits the screen shows now (saved here, or pushed after a save elsewhere).
const editorLimits = seam('risk.editorLimits', (shown) => shown);

function openLimitsEditor() {
  const prefill = editorLimits(limits);
  limitInputs.max_position_size.value = prefill ? units(prefill.max_position_size) : '';
  limitInputs.daily_loss_limit.value = prefill ? usd(prefill.daily_loss_limit, { wholeDollars: true }) : '';
  markProblems();
  limitsError.textContent = '';
  setText(limitsStatus, '');
  limitsForm.hidden = false;
  limitInputs.max_position_size.focus();
}

// Why the limits were not saved: what is wrong with them (422, with each field's problem marked), or that the console
// failed (5xx).
const limitsRefusalText = seam('risk.limitsRefusalText', (answer) => notDoneText('The limits were not saved', answer,
  typeof answer.body.detail === 'string' ? answer.body.detail : 'The limits were not saved.'));

async function saveLimits(event) {
  event.preventDefault();
  const submit = $('button[type="submit"]', limitsForm);
  submit.disabled = true;
  limitsError.textContent = '';
  // Sent as typed: the console parses and checks them, and says what is wrong with each.
  const body = Object.fromEntries(Object.entries(limitInputs).map(([field, input]) => [field, input.value]));
  const answer = await fetchJson('/api/risk/limits', { method: 'PUT', body: JSON.stringify(body) });
  submit.disabled = false;
  if (answer.ok) {
    showLimits(answer.body.limits);
    markProblems();
    limitsForm.hidden = true;
    setText(limitsStatus, `Limits saved: Max Position Size ${units(answer.body.limits.max_position_size)}, `
      + `Daily Loss Limit ${usd(answer.body.limits.daily_loss_limit, { wholeDollars: true })}.`);
  } else {
    markProblems(answer.body.errors);
    limitsError.textContent = limitsRefusalText(answer);
  }
}

// ---- Trading state: the Emergency Stop and the resume -----------------------------------------------------------

const stopButton = $('[data-action="emergency-stop"]');
const resumeButton = $('[data-action="resume"]');
const stopDialog = $('dialog[data-dialog="emergency-stop"]');
const resumeDialog = $('dialog[data-dialog="resume"]');
const actionError = byTestId('risk-action-error');

// Whether the Emergency Stop is offered: to a role that may stop trading, while trading is not halted already.
const offersStop = seam('risk.offersStop', (permitted, halted) => permitted.stop && !halted);
// Whether Resume Trading is offered: to a risk manager, while trading is halted (as it is now, pushed or answered).
const offersResume = seam('risk.offersResume', (permitted, halted) => permitted.resume && halted);

function showTradingState(halt) {
  if (halt.as_of < haltAsOf) return;
  haltAsOf = halt.as_of;
  halted = halt.halted;
  const state = byTestId('risk-trading-state');
  state.dataset.state = halted ? 'halted' : 'active';
  setText(state, halted ? 'Halted' : 'Active');
  stopButton.disabled = !offersStop(may, halted);
  resumeButton.disabled = !offersResume(may, halted);
}

// Why the console refused a stop or a resume, shown in the alert of the Trading state panel (hidden while empty).
const showActionError = seam('risk.showActionError', (message) => {
  actionError.textContent = message;
  actionError.hidden = !message;
});

// Modal: the page behind is inert, the focus starts on the dialog's autofocus button (Cancel, the safe choice) and
// stays in the dialog, Escape cancels, and the focus goes back to the button that opened it.
const ask = seam('risk.askToConfirm', (dialog) => {
  dialog.returnValue = ''; // Escape closes it without a button: that must never read as the last confirm
  dialog.showModal();
});

// Why a stop or a resume was not done: the console's reason (403, 409), or that the console failed (5xx).
function actionRefusalText(notDone, answer) {
  return notDoneText(notDone, answer, typeof answer.body.detail === 'string' ? answer.body.detail
    : 'The console refused.');
}

async function act(path, button, notDone) {
  button.disabled = true;
  showActionError('');
  const answer = await fetchJson(path, { method: 'POST' });
  if (answer.ok) {
    showHalt(answer.body.halt); // this page knows at once; every other session hears it from the console
  } else {
    showActionError(actionRefusalText(notDone, answer));
    showTradingState({ halted, as_of: haltAsOf }); // the buttons as they were; a push corrects the state if needed
  }
}

// The close event fires for Cancel and Escape too; only the confirm button acts.
const confirmed = seam('risk.confirmed', (dialog) => dialog.returnValue === 'confirm');

function whenConfirmed(dialog, path, button, notDone) {
  dialog.addEventListener('close', () => {
    if (confirmed(dialog)) act(path, button, notDone);
  });
}

// ---- Alerts -----------------------------------------------------------------------------------------------------

const alertRows = new Map(); // alert id -> its row
// An alert already listed (pushed, then read again with the snapshot after a reconnection) is not listed twice.
const isNewAlert = seam('risk.isNewAlert', (shown, alert) => !shown.has(alert.id));
// Newest first: an alert goes before the first row that is older than it (at the end when there is none), whether it
// was pushed or read with the snapshot.
const alertPlace = seam('risk.alertPlace', (body, alert) => [...body.children]
  .find((other) => Number(other.dataset.alertId) < alert.id) ?? null);

function showAlert(alert) {
  if (!isNewAlert(alertRows, alert)) return;
  const row = document.createElement('tr');
  row.dataset.kind = alert.kind;
  row.dataset.alertId = alert.id;
  const time = document.createElement('td');
  time.dataset.testid = 'risk-alert-time';
  const stamp = document.createElement('time');
  stamp.dateTime = new Date(alert.at).toISOString();
  stamp.textContent = clockTime(alert.at).slice(0, 8);
  time.append(stamp);
  const message = document.createElement('td');
  message.dataset.testid = 'risk-alert-message';
  message.textContent = alert.message; // names are user text: never markup
  row.append(time, message);
  const body = byTestId('risk-alerts');
  body.insertBefore(row, alertPlace(body, alert));
  alertRows.set(alert.id, row);
  byTestId('no-risk-alerts').hidden = true;
}

// ---- Live -------------------------------------------------------------------------------------------------------

// The alerts of every snapshot are listed, at every (re)subscription (`reconnected`: after a drop or offline): an alert
// raised while the page was not connected was never pushed to it (one already listed is not listed twice).
const showSnapshotAlerts = seam('risk.showSnapshotAlerts', (alerts, reconnected) => alerts.forEach(showAlert));
let subscriptions = 0;

async function loadSnapshot() {
  const reconnected = subscriptions > 0;
  subscriptions += 1;
  const risk = await loadData('/api/risk', 'the risk figures'); // retried until it is answered
  showMetrics(risk.metrics);
  showLimits(risk.limits);
  showTradingState(risk.halt);
  showSnapshotAlerts(risk.alerts, reconnected);
  byTestId('no-risk-alerts').hidden = alertRows.size > 0;
}

// A pushed risk snapshot carries the limits too: a risk manager may have just changed them.
const showPushedLimits = seam('risk.showPushedLimits', (pushed) => showLimits(pushed));

function onEvent(topic, data) {
  if (topic === 'risk') {
    showMetrics(data.metrics);
    showPushedLimits(data.limits);
    showTradingState(data.halt);
  } else if (topic === 'risk_alert') {
    showAlert(data);
  }
}

if (may.editLimits) {
  editButton.addEventListener('click', openLimitsEditor);
  limitsForm.addEventListener('submit', saveLimits);
  $('[data-action="cancel-limits"]', limitsForm).addEventListener('click', () => {
    limitsForm.hidden = true;
    markProblems();
  });
}
if (may.stop) {
  stopButton.addEventListener('click', () => ask(stopDialog));
  whenConfirmed(stopDialog, '/api/risk/emergency-stop', stopButton, 'The Emergency Stop was not triggered');
}
if (may.resume) {
  resumeButton.addEventListener('click', () => ask(resumeDialog));
  whenConfirmed(resumeDialog, '/api/risk/resume', resumeButton, 'Trading was not resumed');
}
document.addEventListener('console:halt', (event) => showTradingState(event.detail));
connectLive(['risk', 'risk_alert'], onEvent, { onSubscribed: loadSnapshot });
