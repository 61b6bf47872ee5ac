// The faulty variants of the pages' seams, by fault and seam name: REPLACEMENTS[fault][seam] = (correct) => faulty.
// One module per screen; each exports its faults' replacements.
import { REPLACEMENTS as live } from './live.js';
import { REPLACEMENTS as marketData } from './market_data.js';
import { REPLACEMENTS as orderTicket } from './order_ticket.js';

export const REPLACEMENTS = { ...live, ...marketData, ...orderTicket };
