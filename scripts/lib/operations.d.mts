export interface OperationInfo {
  operationId: string;
  method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH";
  path: string;
  tag: string;
  namespace: string;
  methodName: string;
  summary: string;
  description: string;
  pathParams: string[];
  queryParams: { name: string; required: boolean; schema: Record<string, unknown> }[];
  body: null | {
    contentType: string;
    required: boolean;
    schema: Record<string, unknown>;
    listFields: string[];
  };
  successStatus: number;
  errorStatuses: number[];
}
export const SPEC_PATH: string;
export function loadSpec(path?: string): any;
export function camelCase(words: string): string;
export function methodName(operationId: string, tag: string): string;
export function listOperations(spec?: any): OperationInfo[];
