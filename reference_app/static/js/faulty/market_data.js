// Faulty variants of the Market Data screen's seams (market_data.js), one per named fault. Each is made from the
// correct behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
  // The defect: the sort key drops the sign, so a fall of 0.5 % sorts after a rise of 0.1 %.
  change_sort_ignores_sign: {
    'market_data.changeSortKey': (correct) => (q) => {
      const change = correct(q);
      return change == null ? null : Math.abs(change);
    },
  },
};
