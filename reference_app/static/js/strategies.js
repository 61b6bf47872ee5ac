// Strategies: the account's strategies (pushed live over the WebSocket), and the form that validates, saves and deploys one.
import { connectLive, fetchJson, loadData } from './live.js';
import { parseAmount, percent, units, usd } from './format.js';
import { seam } from './faults.js';

const ACTIVE = new Set(['Deploying', 'Running']);
const FIELDS = ['name', 'type', 'instruments', 'timeframe', 'risk_limit', 'max_position_size'];
const LABELS = {
  name: 'Strategy name', type: 'Strategy type', instruments: 'Instruments', timeframe: 'Timeframe',
  risk_limit: 'Risk limit', max_position_size: 'Max position size',
};

const summary = document.querySelector('[data-testid="strategies-summary"]');
const createButton = document.querySelector('[data-action="create"]');
const activeBody = document.querySelector('[data-testid="active-strategies"]');
const noneActive = document.querySelector('[data-testid="no-active-strategies"]');
const allBody = document.querySelector('[data-testid="all-strategies"]');
const listError = document.querySelector('[data-testid="strategies-error"]');

const form = document.querySelector('form.strategy-form');
const inputs = {
  name: form.querySelector('#strategy-name'),
  type: form.querySelector('#strategy-type'),
  instruments: form.querySelector('#strategy-instruments'),
  timeframe: form.querySelector('#strategy-timeframe'),
  risk_limit: form.querySelector('#strategy-risk-limit'),
  max_position_size: form.querySelector('#strategy-max-position-size'),
};
const deployButton = form.querySelector('[data-action="deploy"]');
const formStatus = form.querySelector('[data-testid="strategy-form-status"]');
const formError = form.querySelector('[data-testid="strategy-form-error"]');
const results = form.querySelector('ul.results');

const strategies = new Map(); // id -> the strategy as the console last reported it
const rows = { active: new Map(), all: new Map() }; // id -> <tr>, updated in place so observers stay attached
let canChange = false;
let savedId = null; // the strategy the form has saved, which it may deploy

// ---- Lists ------------------------------------------------------------------------------------------------------

// A name is user text: shown as text, never parsed as markup.
const setName = seam('strategies.setName', (cell, name) => { cell.textContent = name; });
// Active Strategies lists the strategies that are Deploying or Running; the summary counts them as running.
const listedAsActive = seam('strategies.listedAsActive', (strategy) => ACTIVE.has(strategy.status));
const countsAsRunning = seam('strategies.countsAsRunning', (strategy) => ACTIVE.has(strategy.status));
// A strategy's P&L, signed: a loss reads as one.
const pnlText = seam('strategies.pnlText', (pnl) => usd(pnl));
// A strategy's instruments, every one, in the order it trades them.
const instrumentsText = seam('strategies.instrumentsText', (instruments) => instruments.join(', '));
// All Strategies offers Deploy for a strategy that is not active: a Saved one, and a Stopped one, deployed again.
const offersDeploy = seam('strategies.offersDeploy', (strategy) => !ACTIVE.has(strategy.status));

function cell(row, testId) {
  return row.querySelector(`[data-testid="${testId}"]`);
}

function actionButton(label, strategy, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = label;
  button.addEventListener('click', () => onClick(strategy.id, button));
  return button;
}

// The row of a strategy in one of the two tables, made on first use with its cells and, for a user who may
// change strategies, its action buttons ([label, handler] pairs).
function rowOf(table, body, strategy, cells, actions) {
  let row = rows[table].get(strategy.id);
  if (!row) {
    row = document.createElement('tr');
    row.innerHTML = cells;
    if (canChange) {
      row.querySelector('.row-actions').append(...actions.map(([label, onClick]) => actionButton(label, strategy, onClick)));
    }
    body.append(row);
    rows[table].set(strategy.id, row);
  }
  return row;
}

function activeRow(strategy) {
  return rowOf('active', activeBody, strategy, `
      <th scope="row"></th>
      <td data-testid="strategy-type"></td>
      <td data-testid="strategy-instruments"></td>
      <td><span data-testid="strategy-status"></span></td>
      <td class="number" data-testid="strategy-pnl"></td>
      <td class="number" data-testid="strategy-trades"></td>
      <td class="number" data-testid="strategy-win-rate"></td>
      <td class="row-actions"></td>`, [['Stop', stop]]);
}

function allRow(strategy) {
  return rowOf('all', allBody, strategy, `
      <th scope="row"></th>
      <td data-testid="strategy-type"></td>
      <td data-testid="strategy-instruments"></td>
      <td data-testid="strategy-timeframe"></td>
      <td class="number" data-testid="strategy-risk-limit"></td>
      <td class="number" data-testid="strategy-max-position-size"></td>
      <td><span data-testid="strategy-status"></span> <small data-testid="strategy-stop-reason"></small></td>
      <td class="row-actions"></td>`, [['Deploy', deploy], ['Stop', stop]]);
}

function fillCommon(row, strategy) {
  setName(row.querySelector('th'), strategy.name);
  cell(row, 'strategy-type').textContent = strategy.type;
  cell(row, 'strategy-instruments').textContent = instrumentsText(strategy.instruments);
  const state = cell(row, 'strategy-status');
  state.textContent = strategy.status;
  state.dataset.status = strategy.status.toLowerCase();
}

function render(strategy) {
  const known = strategies.get(strategy.id);
  if (known && known.as_of > strategy.as_of) return; // an answer that arrived after a newer push
  strategies.set(strategy.id, strategy);
  const all = allRow(strategy);
  fillCommon(all, strategy);
  cell(all, 'strategy-timeframe').textContent = strategy.timeframe;
  cell(all, 'strategy-risk-limit').textContent = usd(strategy.risk_limit, { wholeDollars: true });
  cell(all, 'strategy-max-position-size').textContent = units(strategy.max_position_size);
  cell(all, 'strategy-stop-reason').textContent = strategy.status === 'Stopped' ? (strategy.stop_reason ?? '') : '';
  const [deployAction, stopAction] = all.querySelectorAll('.row-actions button');
  if (deployAction) {
    deployAction.hidden = !offersDeploy(strategy);
    stopAction.hidden = !ACTIVE.has(strategy.status);
  }

  if (listedAsActive(strategy)) {
    const active = activeRow(strategy);
    fillCommon(active, strategy);
    const { metrics } = strategy;
    const pnl = cell(active, 'strategy-pnl');
    pnl.textContent = pnlText(metrics.pnl_usd);
    pnl.dataset.sign = metrics.pnl_usd < 0 ? 'negative' : 'positive';
    cell(active, 'strategy-trades').textContent = units(metrics.trades);
    cell(active, 'strategy-win-rate').textContent = percent(metrics.win_rate);
  } else if (rows.active.has(strategy.id)) {
    rows.active.get(strategy.id).remove();
    rows.active.delete(strategy.id);
  }
  if (strategy.id === savedId) showFormProgress(strategy);
  summarize();
}

function summarize() {
  const running = [...strategies.values()].filter(countsAsRunning).length;
  noneActive.hidden = running > 0;
  const count = strategies.size;
  summary.textContent = count === 0 ? 'No strategies yet.'
    : `${count} ${count === 1 ? 'strategy' : 'strategies'}, ${running} running.`;
}

async function loadAll() {
  const body = await loadData('/api/strategies', 'the strategies'); // retried until it is answered
  canChange = body.can_change;
  const seen = new Set(body.strategies.map((s) => s.id));
  for (const id of strategies.keys()) {
    if (!seen.has(id)) forget(id);
  }
  body.strategies.forEach(render);
  summarize();
  return body;
}

function forget(id) {
  strategies.delete(id);
  for (const table of Object.values(rows)) {
    table.get(id)?.remove();
    table.delete(id);
  }
}

// Why a Deploy or Stop from a list was refused, said under the lists (the form may be closed, or about another
// strategy).
const showListRefusal = seam('strategies.showListRefusal', (detail) => { listError.textContent = detail; });

async function deploy(id, button) {
  button.disabled = true;
  listError.textContent = '';
  const { ok, body } = await fetchJson(`/api/strategies/${id}/deploy`, { method: 'POST' });
  button.disabled = false;
  if (ok) render(body);
  else showListRefusal(body.detail);
}

async function stop(id, button) {
  button.disabled = true;
  listError.textContent = '';
  const { ok, body } = await fetchJson(`/api/strategies/${id}/stop`, { method: 'POST' });
  button.disabled = false;
  if (ok) render(body);
  else showListRefusal(body.detail);
}

// ---- The form ---------------------------------------------------------------------------------------------------

function option(value) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = value;
  return element;
}

// One instrument's checkbox, inside its label: the symbol is the checkbox's name.
const instrumentChoice = seam('strategies.instrumentChoice', (symbol) => {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'instruments';
  box.value = symbol;
  label.append(box, ` ${symbol}`);
  return label;
});

function buildChoices(choices) {
  inputs.type.replaceChildren(...choices.types.map(option));
  inputs.timeframe.replaceChildren(...choices.timeframes.map(option));
  const boxes = choices.instruments.map(instrumentChoice);
  inputs.instruments.querySelector('.choices').replaceChildren(...boxes);
}

function draft() {
  return {
    name: inputs.name.value,
    type: inputs.type.value,
    instruments: [...inputs.instruments.querySelectorAll('input:checked')].map((box) => box.value),
    timeframe: inputs.timeframe.value,
    risk_limit: parseAmount(inputs.risk_limit.value),
    max_position_size: parseAmount(inputs.max_position_size.value),
  };
}

function setEditable(editable) {
  for (const element of form.querySelectorAll('input, select')) element.disabled = !editable;
  form.querySelector('[data-action="validate"]').disabled = !editable;
  form.querySelector('button[type="submit"]').disabled = !editable;
}

// The note after a field that says why it failed: the one its aria-describedby names, so that the reason is also the
// field's accessible description.
const problemNote = seam('strategies.problemNote', (input) => document.getElementById(`${input.id}-problem`));

function clearResults() {
  results.replaceChildren();
  for (const field of FIELDS) {
    inputs[field].removeAttribute('aria-invalid');
    problemNote(inputs[field]).textContent = '';
  }
}

function showResults(rules) {
  clearResults();
  for (const field of FIELDS) {
    const reasons = rules.filter((rule) => rule.field === field && !rule.passed).map((rule) => rule.reason);
    const item = document.createElement('li');
    item.dataset.passed = String(reasons.length === 0);
    item.textContent = `${LABELS[field]}: ${reasons.length ? reasons.join('; ') : 'passed'}`;
    results.append(item);
    if (reasons.length) {
      inputs[field].setAttribute('aria-invalid', 'true');
      problemNote(inputs[field]).textContent = reasons.join('; ');
    }
  }
}

function say(message, error = '') {
  formStatus.textContent = message;
  formError.textContent = error;
}

// Every opening of the form starts editable, also after a strategy was saved with it (a save locks the form).
const unlockForm = seam('strategies.unlockForm', (makeEditable) => makeEditable(true));

function openForm() {
  form.reset();
  form.hidden = false;
  savedId = null;
  unlockForm(setEditable);
  deployButton.disabled = true;
  clearResults();
  say('');
  inputs.name.focus();
}

async function validateForm() {
  say('Validating…');
  const { ok, body } = await fetchJson('/api/strategies/validate', { method: 'POST', body: JSON.stringify(draft()) });
  if (!ok) {
    say('', body.detail ?? 'The strategy could not be validated.');
    return;
  }
  showResults(body.rules);
  const failed = body.rules.filter((rule) => !rule.passed).length;
  if (failed) say('', `Validation failed: ${failed} ${failed === 1 ? 'rule' : 'rules'} not met. See the results below.`);
  else say('Validation passed: every rule is met.');
}

// A refused save says why and keeps what was typed: the trader corrects the field named, not the whole form.
const showSaveRefusal = seam('strategies.showSaveRefusal',
  (detail) => say('Not saved.', detail ?? 'The strategy was not saved.'));

async function saveForm(event) {
  event.preventDefault();
  const values = draft();
  say('Saving…');
  const { ok, body } = await fetchJson('/api/strategies', { method: 'POST', body: JSON.stringify(values) });
  if (body.rules) showResults(body.rules);
  if (!ok) {
    showSaveRefusal(body.detail);
    return;
  }
  savedId = body.id;
  setEditable(false);
  deployButton.disabled = !canChange;
  say(`Saved “${body.name}”. It can now be deployed to the simulation.`);
  render(body);
}

async function deployForm() {
  deployButton.disabled = true;
  say('Deploying…');
  const { ok, body } = await fetchJson(`/api/strategies/${savedId}/deploy`, { method: 'POST' });
  if (!ok) {
    deployButton.disabled = false;
    say('Not deployed.', body.detail);
    return;
  }
  render(body);
}

function showFormProgress(strategy) {
  if (strategy.status === 'Deploying') say(`Deploying “${strategy.name}” to the simulation…`);
  else if (strategy.status === 'Running') say(`“${strategy.name}” is running in the simulation.`);
  else if (strategy.status === 'Stopped') {
    say(`“${strategy.name}” is stopped.`);
    deployButton.disabled = !canChange;
  }
}

form.addEventListener('submit', saveForm);
form.querySelector('[data-action="validate"]').addEventListener('click', validateForm);
deployButton.addEventListener('click', deployForm);
createButton.addEventListener('click', openForm);

// ---- Start ------------------------------------------------------------------------------------------------------

const loaded = await loadAll();
if (loaded) {
  buildChoices(loaded.choices);
  createButton.disabled = !canChange;
  createButton.hidden = !canChange;
}
// The strategies are loaded again after every reconnection: a strategy stopped, deployed or saved while the page was
// not connected (offline, or the console away) is shown as it is now.
const whenReconnected = seam('strategies.whenReconnected', (load) => load);
connectLive(['strategy'], (topic, strategy) => render(strategy), { onReconnect: whenReconnected(loadAll) });
