// Faulty variants of the Risk Management screen's seams (risk.js), one per named fault. Each is made from the
// correct behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
  // The defect: the Emergency Stop stays enabled once trading is halted (only the role is looked at); pressing it
  // again asks for a confirmation the console then refuses.
  emergency_stop_offered_while_halted: {
    'risk.offersStop': () => (permitted) => permitted.stop,
  },
  // The defect: the Emergency Stop acts on the dialog closing, not on its confirm button: Cancel halts trading too.
  emergency_stop_cancel_still_stops: {
    'risk.confirmed': () => () => true,
  },
  // The defect: the Emergency Stop's confirmation is opened with show() instead of showModal(): it is not modal, the
  // page behind stays live, and Tab walks out of the dialog.
  stop_dialog_not_modal: {
    'risk.askToConfirm': (correct) => (dialog) => {
      if (dialog.dataset.dialog !== 'emergency-stop') return correct(dialog);
      dialog.returnValue = '';
      dialog.show();
    },
  },
  // The defect: the confirmation focuses its Confirm button ("the likely next action"), so Enter or Space pressed once
  // more halts trading.
  stop_dialog_focus_on_confirm: {
    'risk.askToConfirm': (correct) => (dialog) => {
      correct(dialog);
      dialog.querySelector('button[value="confirm"]').focus();
    },
  },
  // The defect: the handler of the pushed risk snapshot was written before the limits could be edited: it redraws
  // the metrics and the halt state only, so new limits show on another open screen only after a reload.
  risk_page_ignores_pushed_limits: {
    'risk.showPushedLimits': () => () => {},
  },
  // The defect: the check looks the alert up by its id as text ("12"), while the rows are kept by number: no alert is
  // ever found, so every snapshot read after a reconnection lists each alert once more.
  risk_alerts_repeated_after_reconnect: {
    'risk.isNewAlert': () => (shown, alert) => !shown.has(String(alert.id)),
  },
  // The defect: to hide the focus ring that the browser's restored focus draws on the Emergency Stop (or Resume)
  // button after a mouse click, the confirmation blurs whatever has the focus once it closes: after Cancel or Escape,
  // the focus is on the page itself instead of the button that opened the dialog.
  stop_dialog_cancel_drops_focus: {
    'risk.askToConfirm': (correct) => (dialog) => {
      correct(dialog);
      dialog.addEventListener('close', () => document.activeElement?.blur(), { once: true });
    },
  },
  // The defect: Resume Trading is offered from the state the page was loaded with (the server-rendered attribute), not
  // from the live one: a halt pushed while the Risk screen is open, or triggered from it, leaves Resume Trading
  // disabled until a reload; and a page loaded halted keeps it enabled after the resume (a second press is refused).
  resume_offered_from_loaded_state: {
    'risk.offersResume': (correct) => {
      const haltedAtLoad = document.querySelector('[data-testid="risk-trading-state"]')?.dataset.state === 'halted';
      return (permitted) => correct(permitted, haltedAtLoad);
    },
  },
  // The defect: the editor looks the console's errors up by label ("Max Position Size") where it holds them by field
  // name (max_position_size): no error is ever matched, so a refused value is explained only in the form's alert; the
  // field gets no aria-invalid, no red border and no reason after it, and its accessible description stays empty.
  limits_reasons_not_on_fields: {
    'risk.reasonsFor': () => (errors, field) => errors.filter((error) => error.label === field)
      .map((error) => error.reason),
  },
  // The defect: the alerts of the snapshot are listed only at the page's first subscription ("after that, alerts come
  // pushed"): an alert raised while the page was offline or disconnected is never listed once it is live again, though
  // the figures, limits and trading state are read again; it shows only after a reload.
  risk_alerts_missed_while_offline: {
    'risk.showSnapshotAlerts': (correct) => (alerts, reconnected) => {
      if (!reconnected) correct(alerts, reconnected);
    },
  },
  // The defect: the alert rows are appended as they come: the snapshot, read newest first, is listed right, but an alert
  // pushed while the screen is open goes to the bottom of the table: after a change of limits, the Emergency Stop's
  // alert is listed below the limits one, under an older time, until a reload.
  risk_alert_pushed_to_bottom: {
    'risk.alertPlace': () => () => null,
  },
  // The defect: a server error on Save Limits shows only the console's own words ("The service behind this route is
  // unavailable…"): nothing says that the limits were not saved.
  limits_server_error_not_said_unsaved: {
    'risk.limitsRefusalText': (correct) => (answer) => (typeof answer.body.detail === 'string'
      ? answer.body.detail : correct(answer)),
  },
  // The defect: the refusal is written into the Trading state panel's alert, which was always shown when this was
  // written and now starts hidden: a refused Emergency Stop or resume (a server error, a 409) gives its button back and
  // says nothing, so the desk may believe trading is halted when it is not.
  emergency_stop_refusal_hidden: {
    'risk.showActionError': () => (message) => {
      document.querySelector('[data-testid="risk-action-error"]').textContent = message;
    },
  },
  // The defect: the reset of the confirmation's returnValue was removed as dead code ("a dialog starts with an empty
  // returnValue"), but a dialog keeps the value of its last button: once an Emergency Stop has been confirmed (and
  // trading resumed) on this page, pressing Emergency Stop again and dismissing it with Escape halts trading, and
  // likewise Escape on a second Resume trading confirmation resumes it.
  escape_repeats_last_confirm: {
    'risk.askToConfirm': () => (dialog) => dialog.showModal(),
  },
  // The defect: the limits editor keeps the limits it was prefilled with the first time it opened, instead of reading
  // those the screen shows now: after a save, Edit Limits opens on the limits from before it again, and Save Limits
  // pressed without retyping them puts the old limits back.
  limits_editor_prefilled_with_loaded_limits: {
    'risk.editorLimits': (correct) => {
      let loaded = null;
      return (shown) => correct(shown == null ? shown : (loaded ??= shown));
    },
  },
  // The defect: the Emergency Stop, once the screen has shown trading halted, is never offered again (meant to guard
  // against a second press while the halt is applied): after trading is resumed the button stays disabled until the page
  // is reloaded, so a second halt cannot be triggered from it.
  emergency_stop_not_reoffered_after_resume: {
    'risk.offersStop': (correct) => {
      let haltSeen = false;
      return (permitted, halted) => {
        if (halted) haltSeen = true;
        return correct(permitted, halted) && !haltSeen;
      };
    },
  },
};
