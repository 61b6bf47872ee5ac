// The faulty variants of the pages' seams, by fault and seam name: REPLACEMENTS[fault][seam] = (correct) => faulty.
// One module per page module; a fault may replace seams of several of them, so their tables are merged per fault.
// (A faulty module imports no page module: the pages import this one, through faults.js.)
import { REPLACEMENTS as live } from './live.js';
import { REPLACEMENTS as login } from './login.js';
import { REPLACEMENTS as marketData } from './market_data.js';
import { REPLACEMENTS as orderTicket } from './order_ticket.js';
import { REPLACEMENTS as portfolio } from './portfolio.js';
import { REPLACEMENTS as risk } from './risk.js';
import { REPLACEMENTS as status } from './status.js';
import { REPLACEMENTS as strategies } from './strategies.js';
import { REPLACEMENTS as trading } from './trading.js';

export const REPLACEMENTS = {};
for (const table of [live, login, marketData, orderTicket, portfolio, risk, status, strategies, trading]) {
  for (const [fault, seams] of Object.entries(table)) Object.assign(REPLACEMENTS[fault] ??= {}, seams);
}
