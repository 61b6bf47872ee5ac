// Faulty variants of the System Status dashboard's seams (status.js), one per named fault. Each is made from the
// correct behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

const DOWN_STATES = ['Disconnected', 'Inactive', 'Stalled', 'Unavailable']; // "Stale" forgotten

export const REPLACEMENTS = {
  // The defect: a heartbeat cell is written once, from the first snapshot: a component whose heartbeat stops keeps
  // reading "0.2 s ago" (its state and colour do change).
  heartbeat_drawn_once: {
    'status.showHeartbeat': (correct) => (cell, component) => { if (!cell.textContent) correct(cell, component); },
  },
  // The defect: the indicator is coloured from a list of "down" state names that lacks "Stale".
  status_indicator_green_when_stale: {
    'status.isHealthy': () => (component) => !DOWN_STATES.includes(component.state),
  },
  // The defect: the latency is read from a field the payload does not have: a TypeError while rendering.
  status_page_script_error: {
    'status.latencyText': () => (component) => component.latency.toFixed(1),
  },
  // The defect, half of it: the dashboard subscribes to the live pushes only once its first snapshot is drawn (the
  // other half, in faulty/status.py: that snapshot's API answers after 2.5 s).
  slow_status_snapshot: {
    'status.start': () => (loadFirstSnapshot, subscribe) => loadFirstSnapshot().then(subscribe),
  },
  // The defect: before drawing its first snapshot, the dashboard builds two weeks of uptime history (one sample a
  // second) for a 99th percentile, sorting 1,209,600 samples synchronously. A desktop processor hides it (under a
  // second, the screen still ready within 2 s); on a phone's processor, four times slower, the first snapshot shows
  // too late.
  status_heavy_on_slow_cpu: {
    'status.draw': (correct) => {
      let uptimeP99 = null;
      return (snapshot) => {
        if (uptimeP99 == null) {
          const samples = [];
          let seed = 1;
          for (let i = 0; i < 1_209_600; i += 1) {
            seed = (seed * 16807) % 2147483647;
            samples.push(seed / 2147483647);
          }
          samples.sort((a, b) => a - b);
          uptimeP99 = samples[Math.floor(samples.length * 0.99)];
        }
        correct(snapshot);
      };
    },
  },
  // The defect: the Last update time is written only while it still reads "—": the first snapshot's, for ever.
  status_updated_at_not_refreshed: {
    'status.showUpdatedAt': (correct) => (element, generatedAt) => {
      if (element.textContent === '—') correct(element, generatedAt);
    },
  },
  // The defect: the verdict's colour is set only while it is still "unknown", when the first snapshot fills it in (the
  // words are rewritten with every snapshot): when a component goes down, the line reads "Degraded: check the
  // components below" in green, and a dashboard opened while degraded stays red after the recovery.
  overall_verdict_colour_stuck: {
    'status.showOverallHealth': (correct) => (element, healthy) => {
      if (element.dataset.health === 'unknown') correct(element, healthy);
    },
  },
  // The defect: to ignore an answer overtaken by a newer push, the dashboard drops every snapshot whose sequence
  // number is not above the last one it drew; the console numbers its snapshots from 1 again when it restarts, so
  // after a restart the dashboard (reconnected, "Live") draws nothing new: Last update, the heartbeats and the states
  // stay as they were before the restart until a reload.
  status_frozen_after_console_restart: {
    'status.draw': (correct) => {
      let lastSeq = -Infinity;
      return (snapshot) => {
        if (snapshot.seq <= lastSeq) return;
        lastSeq = snapshot.seq;
        correct(snapshot);
      };
    },
  },
};
