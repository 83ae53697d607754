import { main } from './program.js';

// The bundle's entry (dist/cli.js), which bin/cxm.js imports.
await main(process.argv.slice(2));
