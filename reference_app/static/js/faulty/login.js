// Faulty variants of the sign-in page's seams (login.js), one per named fault. Each is made from the correct
// behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
  // The defect: Retry-After is added to the clock as milliseconds: the button comes back within a second.
  lockout_button_reenabled_early: {
    'login.retryAfterMs': (correct) => (seconds) => correct(seconds) / 1000,
  },
  // The defect: the countdown's minutes are rounded down (Math.floor, as for a clock) instead of up: a wait of 90 s
  // reads "Try again in 1 minute", and one second into a 15-minute lockout the alert already says "14 minutes", so the
  // wait announced is shorter than the console's Retry-After.
  lockout_minutes_rounded_down: {
    'login.describeWait': (correct) => (seconds) => {
      if (seconds < 60) return correct(seconds);
      const minutes = Math.floor(seconds / 60);
      return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    },
  },
};
