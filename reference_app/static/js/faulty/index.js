// The faulty variants of the pages' seams, by fault and seam name: REPLACEMENTS[fault][seam] = (correct) => faulty.
// One module per screen; each exports its faults' replacements.
import { REPLACEMENTS as marketData } from './market_data.js';
import { REPLACEMENTS as risk } from './risk.js';
import { REPLACEMENTS as strategies } from './strategies.js';

export const REPLACEMENTS = { ...marketData, ...risk, ...strategies };
