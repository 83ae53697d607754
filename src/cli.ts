import { main } from './program.js';

// The plain ESM entry: bin/cxm.js (no start-up snapshot, see src/snapshot.ts) and the tests of the sources.
await main(process.argv.slice(2));
