// @ts-check
// Code samples for every operation, derived from the spec (never written by hand per operation):
// a curl command and TypeScript snippets using @comm100-sdk/client, all filled in from the
// spec's parameter and request body examples. Used by scripts/generate-code-samples.mjs.
// The languages shown are the entries of SAMPLE_PROVIDERS: add a provider to add a language.
import { listOperations, resolveRef } from "@comm100-sdk/spec-reader";
import { cliSampleFor } from "@comm100-sdk/cli";
import { mergeGuides, readGuides } from "./guides.mjs";

/** @typedef {import("./guides.mjs").Guide} Guide */
/** @typedef {Record<string, any>} Spec A bundled OpenAPI 3.1 document (every `$ref` local). */
/** @typedef {import("@comm100-sdk/spec-reader").OperationInfo} OperationInfo */
/**
 * @typedef {object} SampleInputs The concrete values a sample shows for one operation.
 * @property {Record<string, unknown>} path path parameter values by name
 * @property {[string, unknown][]} query query parameters in the order the spec lists them
 * @property {unknown} body the request body, `undefined` when none is sent
 */
/**
 * @typedef {object} SampleProvider One language of the code samples.
 * @property {string} id key of the sample in `OperationSamples.sources`
 * @property {string} lang Redoc's highlighting language
 * @property {string} label the tab's name (must also be listed in redocly.yaml)
 * @property {(spec: Spec, op: OperationInfo, inputs: SampleInputs) => string} render
 * @property {string} [typeCheck] when set, the sample is TypeScript and goes into the
 *   type-checked samples module as the function `<operationId><typeCheck>`
 */
/**
 * @typedef {object} OperationSamples
 * @property {OperationInfo} op
 * @property {SampleInputs} inputs
 * @property {Record<string, string>} sources rendered sample by provider id
 */

export const SAMPLE_EMAIL = "agent@example.com";
export const API_KEY_ENV = "COMM100_API_KEY";
export const CLIENT_PACKAGE = "@comm100-sdk/client";

export { resolveRef };

/** The default server with its variables filled in: https://hosted.comm100.com/api/v1 */
/** @param {Spec} spec @returns {string} */
export function defaultBaseUrl(spec) {
  const server = spec.servers?.[0];
  if (!server) return "https://hosted.comm100.com/api/v1";
  return server.url.replace(
    /\{([^}]+)\}/g,
    (/** @type {string} */ _, /** @type {string} */ name) => server.variables?.[name]?.default ?? name,
  );
}

/** The domain the TypeScript samples pass to createComm100Client. @param {Spec} spec @returns {string} */
export function defaultDomain(spec) {
  return spec.servers?.[0]?.variables?.domain?.default ?? new URL(defaultBaseUrl(spec)).host;
}

const NONE = Symbol("none");

/**
 * First example found on a parameter or media type object (`example`, then `examples`).
 * @param {Spec} spec @param {any} holder @returns {unknown}
 */
function exampleOf(spec, holder) {
  if (!holder || typeof holder !== "object") return NONE;
  if (holder.example !== undefined) return holder.example;
  if (holder.examples && typeof holder.examples === "object") {
    const first = Array.isArray(holder.examples) ? holder.examples[0] : Object.values(holder.examples)[0];
    const ex = resolveRef(spec, first);
    if (ex && typeof ex === "object" && !Array.isArray(ex) && "value" in ex) return ex.value;
    if (Array.isArray(holder.examples) && first !== undefined) return first;
  }
  return NONE;
}

/**
 * A value for a schema: its example, default, first enum value, or a typed placeholder.
 * @param {Spec} spec @param {unknown} rawSchema @param {string} [name] @param {number} [depth]
 * @returns {any}
 */
export function sampleFromSchema(spec, rawSchema, name = "value", depth = 0) {
  const schema = resolveRef(spec, rawSchema) ?? {};
  const ex = exampleOf(spec, schema);
  if (ex !== NONE) return ex;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    if (Array.isArray(schema[key]) && schema[key].length) {
      if (key === "allOf") {
        return Object.assign({}, ...schema.allOf.map((/** @type {unknown} */ s) => sampleFromSchema(spec, s, name, depth + 1)));
      }
      const firstNonNull = schema[key].find((/** @type {unknown} */ s) => resolveRef(spec, s)?.type !== "null") ?? schema[key][0];
      return sampleFromSchema(spec, firstNonNull, name, depth + 1);
    }
  }
  const type = Array.isArray(schema.type) ? schema.type.find((/** @type {string} */ t) => t !== "null") : schema.type;
  switch (type) {
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "array":
      return depth > 4 ? [] : [sampleFromSchema(spec, schema.items ?? {}, name, depth + 1)];
    case "object": {
      /** @type {Record<string, unknown>} */
      const out = {};
      if (depth > 4) return out;
      for (const prop of schema.required ?? []) {
        out[prop] = sampleFromSchema(spec, schema.properties?.[prop] ?? {}, prop, depth + 1);
      }
      return out;
    }
    default:
      if (schema.format === "uuid") return "00000000-0000-0000-0000-000000000000";
      if (schema.format === "email") return "someone@example.com";
      if (schema.format === "date") return "2024-01-31";
      if (schema.format === "date-time") return "2024-01-31T00:00:00Z";
      return `YOUR_${name
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .replace(/\W+/g, "_")
        .toUpperCase()}`;
  }
}

/**
 * The raw parameter objects of an operation (path item + operation), resolved.
 * @param {Spec} spec @param {string} path @param {string} method @returns {any[]}
 */
function operationParameters(spec, path, method) {
  const item = resolveRef(spec, spec.paths[path]);
  const op = item[method.toLowerCase()];
  return [...(item.parameters ?? []), ...(op.parameters ?? [])].map((/** @type {unknown} */ p) => resolveRef(spec, p));
}

/**
 * The concrete inputs a sample shows for one operation:
 * { path: {name: value}, query: [[name, value]], body: value | undefined }.
 * Path parameters and required query parameters always get a value; optional query parameters
 * only when the spec gives them an explicit example (a default needs no sending).
 * @param {Spec} spec @param {OperationInfo} op @returns {SampleInputs}
 */
export function sampleInputs(spec, op) {
  const params = operationParameters(spec, op.path, op.method);
  /** @type {Record<string, unknown>} */
  const path = {};
  for (const name of op.pathParams) {
    const p = params.find((x) => x.in === "path" && x.name === name) ?? { name, schema: { type: "string" } };
    const ex = exampleOf(spec, p);
    path[name] = ex !== NONE ? ex : sampleFromSchema(spec, p.schema, name);
  }
  /** @type {[string, unknown][]} */
  const query = [];
  for (const p of params.filter((x) => x.in === "query")) {
    const ex = exampleOf(spec, p);
    if (p.required) query.push([p.name, ex !== NONE ? ex : sampleFromSchema(spec, p.schema, p.name)]);
    else if (ex !== NONE) query.push([p.name, ex]);
  }
  let body;
  if (op.body) {
    const rb = resolveRef(spec, resolveRef(spec, spec.paths[op.path])[op.method.toLowerCase()].requestBody);
    const media = rb.content[op.body.contentType];
    const ex = exampleOf(spec, media);
    if (ex !== NONE) body = ex;
    else {
      const generated = sampleFromSchema(spec, media.schema ?? {}, "body");
      const empty = generated && typeof generated === "object" && Object.keys(generated).length === 0;
      if (op.body.required || !empty) body = generated;
    }
  }
  return { path, query, body };
}

// ---------------------------------------------------------------- curl

/** Quotes a word for a POSIX shell. @param {unknown} s @returns {string} */
export function shellQuote(s) {
  const str = String(s);
  return `'${str.replace(/'/g, `'\\''`)}'`;
}

/**
 * How a form field or query value goes on the wire: lists comma-joined (style form, explode false).
 * @param {unknown} v @returns {string}
 */
export function wireValue(v) {
  if (Array.isArray(v)) return v.map(wireValue).join(",");
  if (v && typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Encodes a path segment, keeping the characters RFC 3986 allows there (`@`, `:` ...). @param {unknown} v */
function encodeSegment(v) {
  return encodeURIComponent(String(v)).replace(/%(40|3A|24|2C|3B|3D|2B|21|27|28|29|2A)/gi, (m) => decodeURIComponent(m));
}

/** @param {[string, unknown][]} pairs */
function queryString(pairs) {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(wireValue(v))}`).join("&");
}

/** @param {Spec} spec @param {OperationInfo} op @param {SampleInputs} [inputs] @returns {string} */
export function curlSample(spec, op, inputs = sampleInputs(spec, op)) {
  const base = defaultBaseUrl(spec);
  let url = base + op.path.replace(/\{([^}]+)\}/g, (/** @type {string} */ _, /** @type {string} */ n) => encodeSegment(inputs.path[n]));
  const useGet = op.method === "GET" && inputs.query.length > 0;
  if (!useGet && inputs.query.length) url += `?${queryString(inputs.query)}`;

  const first = ["curl"];
  if (useGet) first.push("-G");
  if (op.method !== "GET" && !(op.method === "POST" && inputs.body !== undefined)) first.push("-X", op.method);
  first.push("-u", `"${SAMPLE_EMAIL}:$${API_KEY_ENV}"`);
  const lines = [first.join(" "), `'${url.replace(/'/g, "%27")}'`];

  if (useGet) {
    for (const [k, v] of inputs.query) lines.push(`--data-urlencode ${shellQuote(`${k}=${wireValue(v)}`)}`);
  }
  if (inputs.body !== undefined && op.body) {
    const ct = op.body.contentType;
    if (/json/i.test(ct)) {
      lines.push(`-H 'Content-Type: ${ct}'`);
      lines.push(`-d ${shellQuote(JSON.stringify(inputs.body))}`);
    } else if (ct === "application/x-www-form-urlencoded" || ct === "multipart/form-data") {
      const flag = ct === "multipart/form-data" ? "-F" : null;
      for (const [k, v] of Object.entries(inputs.body ?? {})) {
        const value = wireValue(v);
        if (flag) lines.push(`${flag} ${shellQuote(`${k}=${value}`)}`);
        // -d sends the text as it is; --data-urlencode encodes what a form body must not carry raw.
        else if (/^[A-Za-z0-9_\-.~,@:/]*$/.test(value)) lines.push(`-d ${shellQuote(`${k}=${value}`)}`);
        else lines.push(`--data-urlencode ${shellQuote(`${k}=${value}`)}`);
      }
    } else {
      lines.push(`-H 'Content-Type: ${ct}'`);
      lines.push(`--data-binary ${shellQuote(typeof inputs.body === "string" ? inputs.body : JSON.stringify(inputs.body))}`);
    }
  }
  return lines.join(" \\\n  ");
}

// ---------------------------------------------------------------- TypeScript

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A JavaScript literal for a JSON value, with unquoted keys where possible.
 * @param {unknown} value @param {string} [indent] @param {boolean} [multiline] @returns {string}
 */
export function tsLiteral(value, indent = "", multiline = false) {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((v) => tsLiteral(v, inner));
    const flat = `[${items.join(", ")}]`;
    if (flat.length <= 60 && !flat.includes("\n")) return flat;
    return `[\n${items.map((i) => `${inner}${i},`).join("\n")}\n${indent}]`;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const key = (/** @type {string} */ k) => (IDENT.test(k) ? k : JSON.stringify(k));
    const flat = `{ ${entries.map(([k, v]) => `${key(k)}: ${tsLiteral(v, inner)}`).join(", ")} }`;
    if (!multiline && flat.length <= 60 && !flat.includes("\n")) return flat;
    const body = entries.map(([k, v]) => `${inner}${key(k)}: ${tsLiteral(v, inner)},`);
    return `{\n${body.join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** @param {Spec} spec */
export function tsClientSetup(spec) {
  return [
    `const comm100 = createComm100Client({`,
    `  domain: ${JSON.stringify(defaultDomain(spec))},`,
    `  email: ${JSON.stringify(SAMPLE_EMAIL)},`,
    `  apiKey: process.env.${API_KEY_ENV}!,`,
    `});`,
  ].join("\n");
}

/**
 * The request style: `comm100.GET("/livechat/...", { params, body })`, answering `{ data, error }`.
 * @param {Spec} spec @param {OperationInfo} op @param {SampleInputs} [inputs]
 */
export function tsRequestCall(spec, op, inputs = sampleInputs(spec, op)) {
  /** @type {Record<string, unknown>} */
  const init = {};
  /** @type {Record<string, unknown>} */
  const params = {};
  if (op.pathParams.length) params.path = inputs.path;
  if (inputs.query.length) params.query = Object.fromEntries(inputs.query);
  if (Object.keys(params).length) init.params = params;
  if (inputs.body !== undefined) init.body = inputs.body;
  const args = [JSON.stringify(op.path)];
  if (Object.keys(init).length) args.push(tsLiteral(init, "", true));
  return [
    `const { data, error } = await comm100.${op.method}(${args.join(", ")});`,
    `if (error) throw new Error(\`Comm100 error \${error.code}: \${error.message}\`);`,
    `console.log(data);`,
  ].join("\n");
}

/**
 * A body the resource style takes as its own argument (a JSON array), not merged into params.
 * @param {Spec} spec @param {OperationInfo} op
 */
function isRawBody(spec, op) {
  if (!op.body || !/[/+]json$/.test(op.body.contentType)) return false;
  const s = resolveRef(spec, op.body.schema);
  return !(s?.type === "object" || s?.properties);
}

/**
 * The resource style (generated from tags and operationIds, see the spec reader):
 * `comm100.<namespace>.<method>(...pathParams, params?)`, query and body fields in one object;
 * it returns the data and throws a typed error.
 * @param {Spec} spec @param {OperationInfo} op @param {SampleInputs} [inputs]
 */
export function tsResourceCall(spec, op, inputs = sampleInputs(spec, op)) {
  const args = op.pathParams.map((name) => tsLiteral(inputs.path[name]));
  if (isRawBody(spec, op)) {
    args.push(tsLiteral(inputs.body));
  } else {
    /** @type {Record<string, unknown>} */
    const params = Object.fromEntries(inputs.query);
    if (inputs.body && typeof inputs.body === "object") Object.assign(params, inputs.body);
    if (Object.keys(params).length) args.push(tsLiteral(params));
  }
  const opObj = resolveRef(spec, spec.paths[op.path])[op.method.toLowerCase()];
  const success = resolveRef(spec, opObj.responses?.[String(op.successStatus)]);
  const result = success?.content && Object.keys(success.content).length ? "result" : null;
  const call = `await comm100.${op.namespace}.${op.methodName}(${args.join(", ")});`;
  return result ? `const ${result} = ${call}\nconsole.log(${result});` : call;
}

const header = (/** @type {Spec} */ spec) =>
  [`import { createComm100Client } from ${JSON.stringify(CLIENT_PACKAGE)};`, "", tsClientSetup(spec), ""].join("\n");

/**
 * The "TypeScript" sample: request style, the path exactly as this reference shows it.
 * @param {Spec} spec @param {OperationInfo} op @param {SampleInputs} [inputs]
 */
export function typescriptSample(spec, op, inputs = sampleInputs(spec, op)) {
  return `${header(spec)}\n${tsRequestCall(spec, op, inputs)}`;
}

/**
 * The "TypeScript (resource style)" sample.
 * @param {Spec} spec @param {OperationInfo} op @param {SampleInputs} [inputs]
 */
export function resourceSample(spec, op, inputs = sampleInputs(spec, op)) {
  return `${header(spec)}\n// Returns the data; a 4xx or 5xx answer throws a Comm100ApiError.\n${tsResourceCall(spec, op, inputs)}`;
}

/**
 * The languages every operation shows, in tab order. Another language (a CLI, say) is one more
 * entry here plus its label in redocly.yaml's `codeSamples.languages`.
 * @type {SampleProvider[]}
 */
export const SAMPLE_PROVIDERS = [
  { id: "curl", lang: "curl", label: "curl", render: curlSample },
  // Redoc has no TypeScript grammar: it highlights the TypeScript samples as JavaScript.
  { id: "typescript", lang: "javascript", label: "TypeScript", render: typescriptSample, typeCheck: "" },
  {
    id: "resource",
    lang: "javascript",
    label: "TypeScript (resource style)",
    render: resourceSample,
    typeCheck: "_resourceStyle",
  },
  // The `comm100` command line (@comm100-sdk/cli), built from the same generated table as its commands.
  { id: "cli", lang: "bash", label: "CLI", render: (_spec, op, inputs) => cliSampleFor(op.operationId, inputs) },
];

/**
 * The samples of every operation of the spec, by operationId.
 * @param {Spec} spec @param {SampleProvider[]} [providers]
 * @returns {Map<string, OperationSamples>}
 */
export function codeSamples(spec, providers = SAMPLE_PROVIDERS) {
  /** @type {Map<string, OperationSamples>} */
  const out = new Map();
  for (const op of listOperations(spec)) {
    const inputs = sampleInputs(spec, op);
    /** @type {Record<string, string>} */
    const sources = {};
    for (const p of providers) sources[p.id] = p.render(spec, op, inputs);
    out.set(op.operationId, { op, inputs, sources });
  }
  return out;
}

/**
 * One TypeScript module holding every TypeScript sample, each in its own async function, so
 * that `tsc --noEmit` checks them all against the client in one run.
 * @param {Spec} spec @param {Map<string, OperationSamples>} [samples]
 * @param {SampleProvider[]} [providers]
 */
export function samplesModule(spec, samples = codeSamples(spec), providers = SAMPLE_PROVIDERS) {
  const parts = [
    "// Generated by packages/docs/scripts/generate-code-samples.mjs from the OpenAPI document: do not edit.",
    "// Every TypeScript code sample of the API reference, type-checked against @comm100-sdk/client.",
    `import { createComm100Client } from ${JSON.stringify(CLIENT_PACKAGE)};`,
    "",
  ];
  const fn = (/** @type {string} */ name, /** @type {string} */ sample) => {
    const body = sample.split("\n").slice(2).join("\n"); // drop the import line and the blank after it
    parts.push(`export async function ${name}(): Promise<void> {`);
    parts.push(
      body
        .split("\n")
        .map((l) => (l ? `  ${l}` : l))
        .join("\n"),
    );
    parts.push("}", "");
  };
  parts.push('// the introduction\'s "Using the TypeScript SDK" section');
  fn("introduction", `import\n\n${introSnippet(spec)}`);
  const checked = providers.filter((p) => p.typeCheck !== undefined);
  for (const [operationId, { op, sources }] of samples) {
    parts.push(`// ${op.method} ${op.path}`);
    for (const p of checked) fn(`${operationId}${p.typeCheck}`, sources[p.id] ?? "");
  }
  return parts.join("\n");
}

/** The TypeScript of the introduction's SDK section (type-checked with the samples). @param {Spec} spec */
export function introSnippet(spec) {
  return `${tsClientSetup(spec)}

// Request style (openapi-fetch): the path as this reference shows it; answers { data, error }.
const { data, error } = await comm100.GET("/livechat/operators/{email}", {
  params: { path: { email: "kelly@comm100.com" } },
});
if (error) throw new Error(\`Comm100 error \${error.code}: \${error.message}\`);
console.log(data);

// Resource style: one namespace per tag, one method per operation; returns the data and
// throws a Comm100ApiError (status, code, message) on a 4xx or 5xx answer.
const agent = await comm100.agents.get("kelly@comm100.com");
console.log(agent);`;
}

const SDK_SECTION = (/** @type {Spec} */ spec) => `

## Using the TypeScript SDK
Every operation below shows a **curl** command and two **TypeScript** samples using
\`${CLIENT_PACKAGE}\`, a client generated from this document: paths, parameters, request bodies,
responses and errors are all checked by the compiler. The samples read the API key from the
\`${API_KEY_ENV}\` environment variable.

\`\`\`sh
npm install ${CLIENT_PACKAGE}
export ${API_KEY_ENV}=your-api-key
\`\`\`

\`\`\`ts
import { createComm100Client } from "${CLIENT_PACKAGE}";

${introSnippet(spec)}
\`\`\`

- \`domain\` is one of the Control Panel domains listed under *Base URL*; pass \`baseUrl\` instead to
  call a proxy or a local mock server.
- Form bodies are sent as \`application/x-www-form-urlencoded\` with lists joined by commas, and the
  visitor update as JSON, as each operation below declares: pass plain objects and arrays.
- The error body of a 4xx or 5xx answer is the \`{ code, message }\` object shown under each
  operation's responses.
`;

/**
 * A copy of the spec with `x-codeSamples` on every operation and the SDK section in the intro.
 * @param {Spec} spec @param {Map<string, OperationSamples>} [samples]
 * @param {SampleProvider[]} [providers]
 * @param {Guide[]} [guides] the hand-written guides (guides/*.md) placed among the sections
 * @returns {Spec}
 */
export function decorateSpec(spec, samples = codeSamples(spec), providers = SAMPLE_PROVIDERS, guides = readGuides()) {
  const out = structuredClone(spec);
  for (const [operationId, { op, sources }] of samples) {
    const item = resolveRef(out, out.paths[op.path]);
    const target = item[op.method.toLowerCase()];
    if (target.operationId !== operationId) throw new Error(`operation ${operationId} not found at ${op.method} ${op.path}`);
    // Redoc keys a sample by its label and highlights it by lang.
    target["x-codeSamples"] = providers.map((p) => ({ lang: p.lang, label: p.label, source: sources[p.id] }));
  }
  const intro = mergeGuides(`${(out.info?.description ?? "").trimEnd()}${SDK_SECTION(spec)}`, guides);
  const downloads = "\n\nDownload the OpenAPI document: [openapi.json](openapi.json) · [openapi.yaml](openapi.yaml).";
  const [lead = "", ...rest] = intro.split(/^(?=## )/m);
  return withGuideTags(out, [`${lead.trimEnd()}${downloads}\n\n`, ...rest].join(""));
}

/**
 * Turns each `## ` section of the introduction into a tag of its own (`x-traitTag`: a guide, no
 * operations), grouped as "Guides" before the API groups, so the sidebar and search list each
 * guide as its own entry.
 * @param {Spec} spec @param {string} intro @returns {Spec}
 */
export function withGuideTags(spec, intro) {
  const [lead = "", ...sections] = intro.split(/^## /m);
  const guides = sections.map((section) => {
    const [heading = "", ...body] = section.split("\n");
    return { name: heading.trim(), description: body.join("\n").trim(), "x-traitTag": true };
  });
  const apiTags = (spec.tags ?? []).map((/** @type {{ name: string }} */ t) => t.name);
  return {
    ...spec,
    info: { ...spec.info, description: lead.trimEnd() },
    tags: [...guides, ...(spec.tags ?? [])],
    "x-tagGroups": [
      { name: "Guides", tags: guides.map((g) => g.name) },
      { name: "API", tags: apiTags },
    ],
  };
}
