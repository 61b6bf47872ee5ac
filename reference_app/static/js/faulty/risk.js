// Faulty variants of the Risk Management screen's seams (risk.js), one per named fault. Each is made from the
// correct behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
  // The defect: the Emergency Stop acts on the dialog closing, not on its confirm button: Cancel halts trading too.
  emergency_stop_cancel_still_stops: {
    'risk.confirmed': () => () => true,
  },
};
