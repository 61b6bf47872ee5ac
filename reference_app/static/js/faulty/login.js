// Faulty variants of the sign-in page's seams (login.js), one per named fault. Each is made from the correct
// behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
  // The defect: Retry-After is added to the clock as milliseconds: the button comes back within a second.
  lockout_button_reenabled_early: {
    'login.retryAfterMs': (correct) => (seconds) => correct(seconds) / 1000,
  },
};
