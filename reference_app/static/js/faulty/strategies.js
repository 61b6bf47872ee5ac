// Faulty variants of the Strategies screen's seams (strategies.js), one per named fault. Each is made from the
// correct behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
  // The defect: a strategy's Instruments cell shows only the first of its instruments.
  strategy_instruments_first_only: {
    'strategies.instrumentsText': () => (instruments) => instruments[0] ?? '',
  },
  // The defect: the strategy lists insert the name as HTML, so markup in a name is rendered.
  strategy_name_rendered_as_html: {
    'strategies.setName': () => (cell, name) => { cell.innerHTML = name; },
  },
  // The defect: Active Strategies lists only Deploying strategies: a strategy vanishes from it once Running.
  active_list_drops_running: {
    'strategies.listedAsActive': () => (strategy) => strategy.status === 'Deploying',
  },
  // The defect: the P&L is formatted from its absolute value: a loss reads as a gain (only the colour tells).
  strategy_pnl_sign_dropped: {
    'strategies.pnlText': (correct) => (pnl) => correct(Math.abs(pnl)),
  },
  // The defect: the summary counts every strategy that is not Saved as running, the Stopped ones too.
  strategy_summary_counts_stopped_as_running: {
    'strategies.countsAsRunning': () => (strategy) => strategy.status !== 'Saved',
  },
  // The defect: the instrument choices were restyled as chips and their <label> became a <span>: each checkbox is
  // still there, but has no name.
  strategy_instruments_unlabelled: {
    'strategies.instrumentChoice': (correct) => (symbol) => {
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.append(...correct(symbol).childNodes);
      return chip;
    },
  },
  // The defect: the reasons are written into a note of their own, added after the field, instead of the note the
  // field's aria-describedby names (which stays empty): the reason is shown, but is not the field's description.
  strategy_reasons_not_described: {
    'strategies.problemNote': () => (input) => {
      const field = input.closest('.field');
      let note = field.querySelector('small.field-message');
      if (!note) {
        note = document.createElement('small');
        note.className = 'problem field-message';
        field.append(note);
      }
      return note;
    },
  },
  // The defect: the strategies are loaded once, with the page, and not again after a reconnection: a strategy stopped
  // while the page was offline still says Running (and is counted as running) once the page is live again.
  strategies_not_refreshed_after_reconnect: {
    'strategies.whenReconnected': () => () => undefined,
  },
  // The defect: the list's Deploy and Stop handlers were copied from the form's and report a refusal through the form's
  // alert, which is hidden with the form: a Deploy refused from All Strategies (while trading is halted, say) re-enables
  // the button and says nothing under the lists.
  strategy_list_refusal_not_shown: {
    'strategies.showListRefusal': () => (detail) => {
      document.querySelector('[data-testid="strategy-form-error"]').textContent = detail;
    },
  },
  // The defect: the form is reset on every answer to Save Strategy (written for the success path, where the form then
  // turned read-only anyway): a refused save says why, but empties every field, so the trader types it all again under
  // results that name fields now blank.
  strategy_form_cleared_on_refused_save: {
    'strategies.showSaveRefusal': (correct) => (detail) => {
      document.querySelector('form.strategy-form').reset();
      correct(detail);
    },
  },
  // The defect: All Strategies offers Deploy only for a Saved strategy: once a strategy is stopped its row offers neither
  // Deploy nor Stop, so it cannot be deployed again from the list (the console would accept it).
  stopped_strategy_offers_no_deploy: {
    'strategies.offersDeploy': () => (strategy) => strategy.status === 'Saved',
  },
  // The defect: opening the form no longer makes it editable (the call went when the form's reset was tidied up): the
  // first opening works, for nothing has locked the form yet, but once a strategy is saved (which locks it) every later
  // Create New Strategy opens an empty form whose fields, Validate Strategy and Save Strategy are all disabled.
  strategy_form_locked_after_save: {
    'strategies.unlockForm': () => () => {},
  },
};
