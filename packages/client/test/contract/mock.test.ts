// Contract: every operation of the spec, called through the SDK's resource style against the
// spec-driven mock server, answers data that validates against the spec's success schema; and
// every error status each operation declares reaches the caller as the right typed error.
import { fileURLToPath } from "node:url";
import { createAjv2020, createMockServer, type MockServer } from "@comm100-sdk/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordCoverage, exampleInputs, loadSpec } from "@comm100-sdk/spec-reader";
import {
  Comm100ApiError,
  Comm100AuthenticationError,
  Comm100BadRequestError,
  Comm100InternalServerError,
  Comm100NotFoundError,
  Comm100PermissionDeniedError,
  Comm100QuotaExceededError,
  createComm100Client,
  type RequestOptions,
} from "../../src/index.js";

const spec = loadSpec();
const inputs = exampleInputs(spec);
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const ajv = createAjv2020({ strict: false, allErrors: true });
ajv.addSchema(spec, "spec");
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

const ERROR_CLASSES: Record<number, typeof Comm100ApiError> = {
  400: Comm100BadRequestError,
  401: Comm100AuthenticationError,
  403: Comm100PermissionDeniedError,
  404: Comm100NotFoundError,
  500: Comm100InternalServerError,
};

let mock: MockServer;
let comm100: ReturnType<typeof createComm100Client>;
beforeAll(async () => {
  // Stateless: every operation is called with the spec's example input and judged by its schema.
  mock = await createMockServer({ port: 0, stateless: true });
  comm100 = createComm100Client({ baseUrl: mock.url, email: "agent@example.com", apiKey: "contract-test-key", retry: false });
});
afterAll(() => mock?.close());

type Call = (options?: RequestOptions) => Promise<unknown>;

/** Calls the operation's resource method with the spec's example input. */
function callFor(input: (typeof inputs)[number]): Call {
  const { operation: op, pathValues, query, body } = input;
  const method = (comm100 as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[op.namespace]?.[
    op.methodName
  ];
  if (!method) throw new Error(`comm100.${op.namespace}.${op.methodName} is missing`);
  const jsonArrayBody = op.body?.contentType === "application/json" && Array.isArray(body);
  const params = jsonArrayBody ? body : { ...query, ...(body as object | undefined) };
  return (options) => method(...pathValues, params, options);
}

const succeeded: string[] = [];
const errorsSeen: string[] = [];
afterAll(() => {
  recordCoverage(packageDir, "client call against the mock, success schema valid", succeeded);
  recordCoverage(packageDir, "client typed error for every declared error status", errorsSeen);
});

describe.each(inputs.map((i) => [`${i.operation.namespace}.${i.operation.methodName}`, i] as const))("%s", (_name, input) => {
  const op = input.operation;

  it(`answers data valid against the ${op.successStatus} schema of ${op.operationId}`, async () => {
    const data = await callFor(input)();
    const media = spec.paths[op.path][op.method.toLowerCase()].responses[op.successStatus].content?.["application/json"];
    if (media) {
      const validate = ajv.compile({
        $ref: `spec#/${pointer("paths", op.path, op.method.toLowerCase(), "responses", String(op.successStatus), "content", "application/json", "schema")}`,
      });
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      expect(data).not.toBeUndefined();
    } else {
      expect(data ?? undefined).toBeUndefined();
    }
    succeeded.push(op.operationId);
  });

  it.each(op.errorStatuses)(`throws the typed error for a documented %i`, async (status) => {
    const error = await callFor(input)({ headers: { prefer: `code=${status}` } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ERROR_CLASSES[status] ?? Comm100ApiError);
    const apiError = error as Comm100ApiError;
    expect(apiError.status).toBe(status);
    expect(typeof apiError.code).toBe("number");
    expect(apiError.message.length).toBeGreaterThan(0);
    expect(apiError.method).toBe(op.method);
    errorsSeen.push(op.operationId);
  });
});

describe("the daily quota 403", () => {
  it("is told apart from a permission 403 and says when the quota resets", async () => {
    const error = await comm100.agents
      .list(undefined, { headers: { prefer: "code=403, example=dailyQuotaExceeded" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Comm100QuotaExceededError);
    const resetsAt = (error as Comm100QuotaExceededError).quotaResetsAt;
    expect(resetsAt.getUTCHours()).toBe(0);
    expect(resetsAt.getTime()).toBeGreaterThan(Date.now());
    expect(resetsAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);

    const denied = await comm100.agents
      .list(undefined, { headers: { prefer: "code=403, example=permissionDenied" } })
      .catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(Comm100PermissionDeniedError);
    expect(denied).not.toBeInstanceOf(Comm100QuotaExceededError);
  });
});
