// Faulty variants of the Strategies screen's seams (strategies.js), one per named fault. Each is made from the correct
// behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
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
};
