#!/usr/bin/env node
// `pnpm check:breaking`: compares the bundled spec (spec/dist/openapi.json, built by `pnpm build`)
// with the last released one kept in the repo (spec/released/openapi.json) and fails when a
// breaking change has no pending **major** changeset for @comm100-sdk/openapi.
//
//   node spec/scripts/check-breaking.mjs [--base FILE] [--head FILE] [--project DIR] [--json]
//   node spec/scripts/check-breaking.mjs --update-baseline   # after `changeset version`: head -> base
//
// --project is the folder whose .changeset/ holds the pending changesets (default: the repository
// root); they are read by @changesets/read, as `changeset version` reads them.
// The check: lib/check-breaking.mjs; its rules: lib/openapi-breaking.mjs. Exit codes: 0 ok, 1 unannounced breaking change,
// 2 usage error, missing file or unreadable changeset.
import { checkBreaking } from "./lib/check-breaking.mjs";

// process.exitCode, not process.exit(): the output is flushed to a pipe first
process.exitCode = await checkBreaking(process.argv.slice(2));
