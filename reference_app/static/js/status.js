// System Status dashboard: the first snapshot over HTTP, then a fresh one pushed over the WebSocket.
import { connectLive, fetchJson } from './live.js';
import { clockTime, milliseconds, secondsAgo } from './format.js';
import { hasFault } from './faults.js';

const table = document.querySelector('[data-testid="components"]');
const overall = document.querySelector('[data-testid="overall-health"]');
const updatedAt = document.querySelector('[data-testid="status-updated-at"]');
const rows = new Map();
const DOWN_STATES = ['Disconnected', 'Inactive', 'Stalled', 'Unavailable']; // only with a blind fault

function rowFor(component) {
  if (rows.has(component.key)) return rows.get(component.key);
  const row = document.createElement('tr');
  row.dataset.testid = `component-${component.key}`;
  // The indicator's colour repeats the state written beside it, so assistive technology skips it (a plain span may
  // not carry an aria-label).
  row.innerHTML = `
    <th scope="row"></th>
    <td><span class="indicator" data-testid="health-indicator" aria-hidden="true"></span> <span data-testid="component-state"></span></td>
    <td data-testid="component-latency"></td>
    <td data-testid="component-heartbeat"></td>`;
  row.querySelector('th').textContent = component.name;
  table.append(row);
  rows.set(component.key, row);
  return row;
}

function render(snapshot) {
  for (const component of snapshot.components) {
    const row = rowFor(component);
    const indicator = row.querySelector('[data-testid="health-indicator"]');
    let healthy = component.healthy;
    // blind fault: status_indicator_green_when_stale
    if (hasFault('status_indicator_green_when_stale')) healthy = !DOWN_STATES.includes(component.state);
    indicator.dataset.health = healthy ? 'healthy' : 'unhealthy';
    row.querySelector('[data-testid="component-state"]').textContent = component.state;
    const latency = hasFault('status_page_script_error') ? component.latency.toFixed(1) : milliseconds(component.latency_ms);
    row.querySelector('[data-testid="component-latency"]').textContent = latency;
    row.querySelector('[data-testid="component-heartbeat"]').textContent = secondsAgo(component.heartbeat_age_s);
  }
  overall.dataset.health = snapshot.healthy ? 'healthy' : 'unhealthy';
  overall.textContent = snapshot.healthy ? 'All systems operational' : 'Degraded: check the components below';
  // blind fault: status_updated_at_not_refreshed
  if (hasFault('status_updated_at_not_refreshed') && updatedAt.textContent !== '—') return;
  updatedAt.textContent = clockTime(snapshot.generated_at);
  updatedAt.dateTime = new Date(snapshot.generated_at).toISOString();
}

const first = await fetchJson('/api/status');
if (first.ok) render(first.body);
else overall.textContent = first.body.detail; // the next pushed snapshot replaces it
connectLive(['status'], (topic, data) => render(data));
