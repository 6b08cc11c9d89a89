#!/usr/bin/env node
// The comm100 command. A committed file rather than dist/cli.js itself, so pnpm can link the
// bin in a fresh clone before anything is built (dist/ does not exist yet then).
import "../dist/cli.js";
