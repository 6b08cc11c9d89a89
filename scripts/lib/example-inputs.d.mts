import type { OperationInfo } from "./operations.mjs";
export interface ExampleInput {
  operation: OperationInfo;
  pathValues: unknown[];
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}
export function exampleInputs(spec?: any): ExampleInput[];
