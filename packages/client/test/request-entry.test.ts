// `createComm100RequestClient` (also `@comm100-sdk/client/request`): the request style alone works
// against the spec-driven mock for every operation, and a bundle of it leaves the resource style's
// operation table out.
import { fileURLToPath } from "node:url";
import { createMockServer, type MockServer } from "@comm100-sdk/mock-server";
import { exampleInputs, loadSpec } from "@comm100-sdk/spec-reader";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Comm100NotFoundError, createComm100RequestClient, type Comm100RequestClient } from "../src/request-entry.js";
import * as whole from "../src/index.js";

const inputs = exampleInputs(loadSpec());
let mock: MockServer;
let client: Comm100RequestClient;
beforeAll(async () => {
  mock = await createMockServer({ port: 0, stateless: true });
  client = createComm100RequestClient({ baseUrl: mock.url, email: "agent@example.com", apiKey: "request-entry-key", retry: false });
});
afterAll(() => mock?.close());

describe("createComm100RequestClient against the mock", () => {
  it("has the request style only", () => {
    expect(Object.keys(client).sort()).toEqual(["DELETE", "GET", "POST", "PUT", "eject", "quota", "use"]);
    expect("agents" in client).toBe(false);
    expect(whole.createComm100RequestClient).toBe(createComm100RequestClient);
  });

  it.each(inputs.map((i) => [`${i.operation.method} ${i.operation.path}`, i] as const))("%s answers 2xx", async (_name, input) => {
    const op = input.operation;
    const path = Object.fromEntries(op.pathParams.map((n, i) => [n, input.pathValues[i]]));
    const send = client[op.method as "GET"] as unknown as (
      p: string,
      init: object,
    ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    const r = await send(op.path, { params: { path, query: input.query }, body: input.body });
    expect(r.error, JSON.stringify(r.error)).toBeUndefined();
    expect(r.response.status).toBe(op.successStatus);
  });

  it("throwOnError makes it throw the typed errors", async () => {
    const strict = createComm100RequestClient({ baseUrl: mock.url, email: "agent@example.com", apiKey: "k", throwOnError: true });
    const e = await strict
      .GET("/livechat/operators/{email}", { params: { path: { email: "a@b.c" } }, headers: { prefer: "code=404" } })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Comm100NotFoundError);
  });
});

describe("a bundle of the request style", () => {
  const bundle = async (entry: string, name: string) => {
    const contents = `import { ${name} } from ${JSON.stringify(entry)};\nconsole.log(${name});`;
    const r = await build({
      stdin: { contents, resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "ts" },
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "browser",
      logLevel: "silent",
    });
    return { inputs: Object.keys(r.metafile.inputs), text: r.outputFiles[0]!.text };
  };

  it("from the sources: no resource module, no operation table", async () => {
    const { inputs: files } = await bundle("../src/request-entry.ts", "createComm100RequestClient");
    expect(files.some((f) => f.endsWith("src/request.ts"))).toBe(true);
    for (const left of ["src/generated/operations.ts", "src/resources.ts", "src/pagination.ts", "src/response-promise.ts"])
      expect(
        files.filter((f) => f.endsWith(left)),
        left,
      ).toEqual([]);
  });

  it.each(["../dist/request.js", "../dist/index.js"])(
    "built %s: createComm100RequestClient carries no resource method name",
    async (entry) => {
      const { text } = await bundle(entry, "createComm100RequestClient");
      expect(text).toContain("/livechat/operators"); // the small form-body table is in
      expect(text).not.toContain("listChatting");
      expect(text).not.toContain("getRealtimeTodayCustomMetrics");
    },
  );

  it("built dist/index.js: createComm100Client carries the resource methods (the check above can fail)", async () => {
    const { text } = await bundle("../dist/index.js", "createComm100Client");
    expect(text).toContain("listChatting");
  });
});
