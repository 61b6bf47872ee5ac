// A section page without live content of its own still keeps its live connection: it carries the halt banner.
import { connectLive } from './live.js';

connectLive([], () => {});
