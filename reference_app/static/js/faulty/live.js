// Faulty variants of the live connection's seams (live.js), one per named fault. Each is made from the correct
// behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
  // The defect: an ended session sends the user to sign in without saying why (no "expired" notice).
  expiry_redirect_without_reason: {
    'live.signInAgainUrl': (correct) => (path) => correct(path).replace('&expired=1', ''),
  },
  // The defect: when the connection drops, the indicator is never changed: it keeps saying "Live" while offline.
  offline_indicator_never_shown: {
    'live.showReconnecting': () => () => {},
  },
};
