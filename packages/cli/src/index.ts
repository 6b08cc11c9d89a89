// The library side of @comm100-sdk/cli: the command table generated from the spec and the
// sample builder the reference site uses. No side effects (the binary is dist/cli.js, run by bin/comm100.js).
export { COMMANDS, RESOURCES } from "./generated/commands.js";
export type { ArgSpec, BodySpec, CommandSpec, FlagSpec, FlagType, ResourceSpec } from "./command-types.js";
export { EXIT } from "./exit-codes.js";
export { cliSampleFor, type CliSampleInput } from "./samples.js";
