/** The shape of the generated command table (src/generated/commands.ts). */

export type FlagType = "string" | "integer" | "number" | "boolean" | "integer[]" | "number[]" | "string[]" | "json";

export interface ValueRules {
  enum?: string[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

export interface FlagSpec extends ValueRules {
  /** The flag without dashes, e.g. `date-from`. */
  flag: string;
  /** The field's name in the spec, e.g. `date_from`. */
  name: string;
  in: "query" | "body";
  type: FlagType;
  required: boolean;
  description: string;
}

export interface ArgSpec extends ValueRules {
  name: string;
  type: string;
  description: string;
}

export interface BodySpec {
  contentType: string;
  /** form: x-www-form-urlencoded fields; object: JSON object fields; raw: the whole body given with --data. */
  kind: "form" | "object" | "raw";
  required: boolean;
  listFields: string[];
  description?: string;
}

export interface CommandSpec {
  resource: string;
  action: string;
  operationId: string;
  /** The client's resource namespace and method, e.g. `offlineMessages` / `list`. */
  namespace: string;
  methodName: string;
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  path: string;
  tag: string;
  summary: string;
  description: string;
  args: ArgSpec[];
  flags: FlagSpec[];
  body: BodySpec | null;
  /** For paginated lists: the envelope's array (`chats`), followed by `--all`. */
  itemsKey: string | null;
  /** For paginated lists: the item schema's properties, in spec order (the CSV columns of `export`). */
  itemColumns: string[] | null;
}

export interface ResourceSpec {
  name: string;
  tag: string;
  description: string;
}
