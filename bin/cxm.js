#!/usr/bin/env node
// `node bin/cxm.js` (where bin/cxm, a POSIX shell script, cannot run) starts the CommonJS entry.
import './cxm.cjs';
