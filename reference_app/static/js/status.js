// System Status dashboard: the first snapshot over HTTP, then a fresh one pushed over the WebSocket.
import { connectLive, loadData } from './live.js';
import { clockTime, milliseconds, secondsAgo } from './format.js';
import { seam } from './faults.js';

const table = document.querySelector('[data-testid="components"]');
const overall = document.querySelector('[data-testid="overall-health"]');
const updatedAt = document.querySelector('[data-testid="status-updated-at"]');
const rows = new Map();

// A component's indicator shows the health the console judged, whatever its state is called.
const isHealthy = seam('status.isHealthy', (component) => component.healthy);
const latencyText = seam('status.latencyText', (component) => milliseconds(component.latency_ms));
// A component's last heartbeat, as old as the snapshot says, rewritten with every snapshot.
const showHeartbeat = seam('status.showHeartbeat', (cell, component) => {
  cell.textContent = secondsAgo(component.heartbeat_age_s);
});
// The time of the snapshot shown, rewritten with every snapshot.
const showUpdatedAt = seam('status.showUpdatedAt', (element, generatedAt) => {
  element.textContent = clockTime(generatedAt);
  element.dateTime = new Date(generatedAt).toISOString();
});

// The overall verdict's colour (green or red, by its data-health), redrawn with every snapshot like its words.
const showOverallHealth = seam('status.showOverallHealth', (element, healthy) => {
  element.dataset.health = healthy ? 'healthy' : 'unhealthy';
});

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
    const healthy = isHealthy(component);
    indicator.dataset.health = healthy ? 'healthy' : 'unhealthy';
    row.querySelector('[data-testid="component-state"]').textContent = component.state;
    row.querySelector('[data-testid="component-latency"]').textContent = latencyText(component);
    showHeartbeat(row.querySelector('[data-testid="component-heartbeat"]'), component);
  }
  showOverallHealth(overall, snapshot.healthy);
  overall.textContent = snapshot.healthy ? 'All systems operational' : 'Degraded: check the components below';
  showUpdatedAt(updatedAt, snapshot.generated_at);
}

// The first snapshot is retried until it is answered; a pushed one that arrives first is drawn meanwhile.
const start = seam('status.start', (loadFirstSnapshot, subscribe) => {
  loadFirstSnapshot();
  subscribe();
});
// Every snapshot, loaded or pushed, is drawn as it arrives.
const draw = seam('status.draw', render);
start(() => loadData('/api/status', 'the status of the components').then(draw),
  () => connectLive(['status'], (topic, data) => draw(data)));
