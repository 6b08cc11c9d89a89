import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { findOperation, loadBundle, loadSamples, pointerToken, toSpecPath } from "./helpers.js";

const spec = loadBundle();
const samples = loadSamples();
const SPEC_ID = "https://comm100-sdk.invalid/openapi.json";

function makeAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  // Keywords OpenAPI adds to JSON Schema; known to Ajv so that strict mode accepts them.
  ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
  // The whole document is added under an id so that `#/components/...` refs resolve inside it.
  // Ajv compiles its root while resolving a pointer into it, so the top-level OpenAPI fields are
  // declared as annotations there; schemas are only ever compiled from pointers below them.
  ajv.addVocabulary(["openapi", "info", "jsonSchemaDialect", "servers", "security", "tags", "paths", "webhooks", "components"]);
  ajv.addSchema(spec as object, SPEC_ID);
  return ajv;
}
const ajv = makeAjv();

/** Validator for the 200 JSON body of an operation, resolved inside the bundled document. */
function successValidator(method: string, specPath: string) {
  const pointer = ["paths", specPath, method, "responses", "200", "content", "application/json", "schema"].map(pointerToken).join("/");
  return ajv.compile({ $ref: `${SPEC_ID}#/${pointer}` });
}

describe("documented sample responses", () => {
  it("the reference holds 68 samples, 2 of them without a response body", () => {
    expect(samples).toHaveLength(68);
    expect(samples.filter((s) => s.response === null).map((s) => s.file)).toHaveLength(2);
  });

  const withBody = samples.filter((s) => s.response !== null);

  it.each(withBody.map((s) => [s.file, s] as const))("%s validates against its 200 schema", (_file, sample) => {
    const op = findOperation(spec, sample.method, sample.path);
    expect(op, `${sample.method} ${sample.path} is in the spec`).toBeDefined();
    const validate = successValidator(sample.method.toLowerCase(), toSpecPath(sample.path));
    const ok = validate(sample.response);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it("every sample with a body is valid (count)", () => {
    let valid = 0;
    for (const s of withBody) {
      const validate = successValidator(s.method.toLowerCase(), toSpecPath(s.path));
      if (validate(s.response)) valid++;
    }
    console.log(`documented sample responses valid: ${valid} of ${withBody.length}`);
    expect(withBody).toHaveLength(66);
    expect(valid).toBe(withBody.length);
  });

  it.each(samples.filter((s) => s.response === null).map((s) => [s.file, s] as const))(
    "%s (no body) maps to a 200 without content",
    (_file, sample) => {
      const op = findOperation(spec, sample.method, sample.path);
      expect(op).toBeDefined();
      const ok = op!.responses["200"];
      expect(ok).toBeDefined();
      expect(ok?.content).toBeUndefined();
    },
  );

  it("each documented response is one of its operation's examples", () => {
    const examples = spec.components.examples as Record<string, { value: unknown }>;
    const missing: string[] = [];
    for (const s of withBody) {
      const op = findOperation(spec, s.method, s.path)!;
      const values = Object.values(op.responses["200"]?.content?.["application/json"]?.examples ?? {}).map((e) =>
        e.$ref ? examples[e.$ref.split("/").pop()!]?.value : e.value,
      );
      if (!values.some((v) => JSON.stringify(v) === JSON.stringify(s.response))) missing.push(s.file);
    }
    expect(missing).toEqual([]);
  });
});

describe("the schemas reject what the docs rule out", () => {
  // Guards against schemas so loose that the checks above could never fail.
  it.each([
    ["get", "/livechat/chats", { chats: "none", pages: 1, total: 0 }],
    ["get", "/livechat/visitors/{id}", { id: "7273e957-02cb-4c03-a84c-44283fcfd47d", status: 12 }],
    ["get", "/livechat/chats/{id}", { id: "7b1a47f5-6dd5-4d29-a14d-725effdad6bd", start_time: "2013-01-17" }],
    ["get", "/livechat/reports/chatVolume", [{ chats: "36" }]],
    ["get", "/livechat/operators/{email}", { id: 1, email: "a@b.c", is_admin: "yes" }],
    ["get", "/livechat/site_status", { status: "busy" }],
    ["get", "/livechat/offline_messages/{id}", { offline_messages: [{ id: 5 }], pages: 1, total: 1 }],
  ] as const)("%s %s rejects a wrong body", (method, p, body) => {
    expect(successValidator(method, p)(body)).toBe(false);
  });
});
