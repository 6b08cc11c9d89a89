// A small, focused breaking-change checker for two bundled OpenAPI 3.x documents (JSON, local
// $refs only, as `redocly bundle` writes them). "Breaking" means a request that was valid against
// the old document may be rejected by the new one, or a response a client was written against
// may now look different. Rules (each change carries its rule id):
//
//   operation-removed              a path, or one method of a path, is gone
//   parameter-removed              a parameter (by `in` + name) is gone; a rename shows up as this
//   parameter-required-added       a new required parameter
//   parameter-made-required        an optional parameter became required
//   request-body-made-required     the body was optional (or absent) and is now required
//   request-content-type-removed   the body no longer accepts a media type it accepted
//   request-property-removed       a request body field is gone (typed clients send it)
//   request-property-required-added / request-property-made-required
//   request-enum-value-removed     a value a request field (parameter or body) accepted is gone
//   request-type-changed           a request field no longer accepts a type it accepted
//   response-status-removed        a success (2xx) status is gone
//   response-content-type-removed  a response media type is gone
//   response-property-removed      a response property is gone
//   response-property-made-optional  a required response property became optional
//   response-type-changed          a response value may now have a type it could not have before
//   server-enum-value-removed / server-variable-removed   a server variable (the Control Panel
//                                  `domain`, which the client's typed `domain` option lists) lost a value
//
// Additions (operations, optional parameters and fields, response properties, enum values in
// requests, type widening in requests) are reported as non-breaking.
import { resolveRef } from "@comm100-sdk/spec-reader";

/** @typedef {Record<string, any>} Node A node of a bundled OpenAPI document. */
/** @typedef {{ rule: string, location: string, message: string }} Change */
/** @typedef {{ breaking: Change[], nonBreaking: Change[] }} Diff */
/** @typedef {"requestSchema" | "responseSchema"} Direction */

const METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

/** @type {(doc: Node, node: unknown) => Node} */
const resolve = (doc, node) => resolveRef(doc, node) ?? {};

/** @param {Node} schema @returns {Set<string> | null} */
function typesOf(schema) {
  const t = schema.type;
  if (Array.isArray(t)) return new Set(t);
  if (typeof t === "string") {
    const s = new Set([t]);
    if (schema.nullable === true) s.add("null"); // OpenAPI 3.0 spelling
    return s;
  }
  return null; // any type
}

/**
 * allOf members merged into one view: properties, required and, for 3.1, the type.
 * @param {Node} doc @param {unknown} schema @returns {Node}
 */
function flatten(doc, schema, depth = 0) {
  const s = resolve(doc, schema);
  if (!Array.isArray(s.allOf) || depth > 20) return s;
  /** @type {Node} */
  const merged = { ...s, properties: { ...(s.properties ?? {}) }, required: [...(s.required ?? [])] };
  delete merged.allOf;
  for (const part of s.allOf) {
    const p = flatten(doc, part, depth + 1);
    Object.assign(merged.properties, p.properties ?? {});
    merged.required.push(...(p.required ?? []));
    if (merged.type === undefined && p.type !== undefined) merged.type = p.type;
    if (merged.enum === undefined && p.enum !== undefined) merged.enum = p.enum;
    if (merged.items === undefined && p.items !== undefined) merged.items = p.items;
  }
  return merged;
}

/** @param {unknown} v */
const fmt = (v) => JSON.stringify(v);

class Differ {
  /** @param {Node} base @param {Node} head */
  constructor(base, head) {
    this.base = base;
    this.head = head;
    /** @type {Change[]} */
    this.breaking = [];
    /** @type {Change[]} */
    this.nonBreaking = [];
    /** @type {WeakMap<object, Map<string, WeakSet<object>>>} base schema -> per direction, the head schemas already compared */
    this.visited = new WeakMap();
  }

  /** @param {string} rule @param {string} location @param {string} message */
  brk(rule, location, message) {
    this.breaking.push({ rule, location, message });
  }

  /** @param {string} rule @param {string} location @param {string} message */
  add(rule, location, message) {
    this.nonBreaking.push({ rule, location, message });
  }

  /** @param {object} b @param {object} h @param {string} direction */
  once(b, h, direction) {
    let set = this.visited.get(b);
    if (!set) this.visited.set(b, (set = new Map()));
    let hs = set.get(direction);
    if (!hs) set.set(direction, (hs = new WeakSet()));
    if (hs.has(h)) return false;
    hs.add(h);
    return true;
  }

  /** @returns {Diff} */
  run() {
    this.servers();
    const bPaths = this.base.paths ?? {};
    const hPaths = this.head.paths ?? {};
    for (const [path, rawB] of Object.entries(bPaths)) {
      const bItem = resolve(this.base, rawB);
      const hItem = hPaths[path] ? resolve(this.head, hPaths[path]) : null;
      for (const m of METHODS) {
        const bOp = bItem[m];
        if (!bOp) continue;
        const where = `${m.toUpperCase()} ${path}`;
        const hOp = hItem?.[m];
        if (!hOp) {
          this.brk("operation-removed", where, `operation ${bOp.operationId ?? ""} removed`.replace("  ", " "));
          continue;
        }
        this.operation(where, bItem, bOp, hItem, hOp);
      }
    }
    for (const [path, rawH] of Object.entries(hPaths)) {
      const hItem = resolve(this.head, rawH);
      const bItem = bPaths[path] ? resolve(this.base, bPaths[path]) : {};
      for (const m of METHODS) {
        if (hItem[m] && !bItem[m]) this.add("operation-added", `${m.toUpperCase()} ${path}`, "new operation");
      }
    }
    return { breaking: this.breaking, nonBreaking: this.nonBreaking };
  }

  /** Server variables (the client's `domain` union comes from them): a removed enum value is breaking. */
  servers() {
    /** @param {Node} doc @returns {Map<string, Node>} */
    const vars = (doc) => {
      const m = new Map();
      for (const srv of doc.servers ?? []) for (const [k, v] of Object.entries(srv.variables ?? {})) m.set(`${srv.url} {${k}}`, v);
      return m;
    };
    const h = vars(this.head);
    for (const [key, bv] of vars(this.base)) {
      const hv = h.get(key);
      if (!hv) {
        if (Array.isArray(bv.enum)) this.brk("server-variable-removed", `servers ${key}`, "server variable removed");
        continue;
      }
      if (Array.isArray(bv.enum) && Array.isArray(hv.enum)) {
        const removed = bv.enum.filter((/** @type {unknown} */ x) => !hv.enum.includes(x));
        if (removed.length) this.brk("server-enum-value-removed", `servers ${key}`, `no longer lists ${removed.map(fmt).join(", ")}`);
      }
    }
  }

  /** @param {Node} doc @param {Node} item @param {Node} op @returns {Map<string, Node>} */
  params(doc, item, op) {
    const map = new Map();
    for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
      const p = resolve(doc, raw);
      if (p.name && p.in) map.set(`${p.in}:${p.name}`, p);
    }
    return map;
  }

  /** @param {string} where @param {Node} bItem @param {Node} bOp @param {Node} hItem @param {Node} hOp */
  operation(where, bItem, bOp, hItem, hOp) {
    // parameters
    const bp = this.params(this.base, bItem, bOp);
    const hp = this.params(this.head, hItem, hOp);
    for (const [key, b] of bp) {
      const h = hp.get(key);
      const loc = `${where} ${b.in} parameter "${b.name}"`;
      if (!h) {
        const added = [...hp.values()].filter((p) => p.in === b.in && !bp.has(`${p.in}:${p.name}`)).map((p) => p.name);
        this.brk("parameter-removed", loc, added.length ? `removed or renamed (new ${b.in} parameters: ${added.join(", ")})` : "removed");
        continue;
      }
      if (!b.required && h.required) this.brk("parameter-made-required", loc, "optional parameter is now required");
      this.requestSchema(b.schema ?? {}, h.schema ?? {}, loc);
    }
    for (const [key, h] of hp) {
      if (bp.has(key)) continue;
      const loc = `${where} ${h.in} parameter "${h.name}"`;
      if (h.required) this.brk("parameter-required-added", loc, "new required parameter");
      else this.add("parameter-added", loc, "new optional parameter");
    }

    // request body
    const bBody = resolve(this.base, bOp.requestBody);
    const hBody = resolve(this.head, hOp.requestBody);
    const bContent = bBody.content ?? {};
    const hContent = hBody.content ?? {};
    if (hBody.required && !bBody.required) {
      this.brk(
        "request-body-made-required",
        `${where} request body`,
        Object.keys(bContent).length ? "optional body is now required" : "new required body",
      );
    }
    if (Object.keys(bContent).length && Object.keys(hContent).length) {
      for (const [type, bMedia] of Object.entries(bContent)) {
        const hMedia = hContent[type];
        const loc = `${where} request body (${type})`;
        if (!hMedia) {
          this.brk("request-content-type-removed", loc, `no longer accepts ${type} (now: ${Object.keys(hContent).join(", ")})`);
          continue;
        }
        this.requestSchema(bMedia.schema ?? {}, hMedia.schema ?? {}, loc);
      }
    }

    // responses
    const bRes = bOp.responses ?? {};
    const hRes = hOp.responses ?? {};
    for (const [status, rawB] of Object.entries(bRes)) {
      const loc = `${where} response ${status}`;
      if (!hRes[status]) {
        if (/^2/.test(status)) this.brk("response-status-removed", loc, "success response removed");
        else this.add("response-status-removed", loc, "error response no longer documented");
        continue;
      }
      const bc = resolve(this.base, rawB).content ?? {};
      const hc = resolve(this.head, hRes[status]).content ?? {};
      for (const [type, bMedia] of Object.entries(bc)) {
        const hMedia = hc[type];
        if (!hMedia) {
          this.brk("response-content-type-removed", `${loc} (${type})`, `no longer answers with ${type}`);
          continue;
        }
        this.responseSchema(bMedia.schema ?? {}, hMedia.schema ?? {}, `${loc} (${type})`);
      }
    }
    for (const status of Object.keys(hRes)) {
      if (!bRes[status]) this.add("response-status-added", `${where} response ${status}`, "new response");
    }
  }

  /** Request direction: the new schema must accept everything the old one accepted. */
  /** @param {unknown} rawB @param {unknown} rawH @param {string} loc */
  requestSchema(rawB, rawH, loc) {
    // Visited before flattening: allOf views are new objects each time, the resolved nodes are not.
    if (!this.once(resolve(this.base, rawB), resolve(this.head, rawH), "req")) return;
    const b = flatten(this.base, rawB);
    const h = flatten(this.head, rawH);
    const bt = typesOf(b);
    const ht = typesOf(h);
    if (ht && (!bt || [...bt].some((t) => !ht.has(t) && !(t === "integer" && ht.has("number"))))) {
      this.brk("request-type-changed", loc, `type ${fmt(b.type ?? "any")} -> ${fmt(h.type)}`);
    } else if (bt && ht && [...ht].some((t) => !bt.has(t))) {
      this.add("request-type-widened", loc, `type ${fmt(b.type)} -> ${fmt(h.type)}`);
    }
    if ("const" in b || "const" in h) {
      if (b.const !== h.const && "const" in h) this.brk("request-enum-value-removed", loc, `const ${fmt(b.const)} -> ${fmt(h.const)}`);
    }
    if (Array.isArray(h.enum)) {
      const removed = Array.isArray(b.enum) ? b.enum.filter((v) => !h.enum.includes(v)) : ["(any value)"];
      if (removed.length) this.brk("request-enum-value-removed", loc, `no longer accepts ${removed.map(fmt).join(", ")}`);
      const added = Array.isArray(b.enum) ? h.enum.filter((v) => !b.enum.includes(v)) : [];
      if (added.length) this.add("request-enum-value-added", loc, `now accepts ${added.map(fmt).join(", ")}`);
    }
    const bProps = b.properties ?? {};
    const hProps = h.properties ?? {};
    const bReq = new Set(b.required ?? []);
    for (const name of h.required ?? []) {
      if (bReq.has(name)) continue;
      if (name in bProps) this.brk("request-property-made-required", `${loc} .${name}`, "optional field is now required");
      else this.brk("request-property-required-added", `${loc} .${name}`, "new required field");
    }
    for (const [name, bs] of Object.entries(bProps)) {
      if (!(name in hProps)) {
        this.brk("request-property-removed", `${loc} .${name}`, "field removed");
        continue;
      }
      this.requestSchema(bs, hProps[name], `${loc} .${name}`);
    }
    for (const name of Object.keys(hProps)) {
      if (!(name in bProps) && !(h.required ?? []).includes(name))
        this.add("request-property-added", `${loc} .${name}`, "new optional field");
    }
    if (b.items && h.items) this.requestSchema(b.items, h.items, `${loc}[]`);
    this.variants(b, h, loc, "requestSchema");
  }

  /** Response direction: everything the new schema can produce, the old one could too. */
  /** @param {unknown} rawB @param {unknown} rawH @param {string} loc */
  responseSchema(rawB, rawH, loc) {
    // Visited before flattening: allOf views are new objects each time, the resolved nodes are not.
    if (!this.once(resolve(this.base, rawB), resolve(this.head, rawH), "res")) return;
    const b = flatten(this.base, rawB);
    const h = flatten(this.head, rawH);
    const bt = typesOf(b);
    const ht = typesOf(h);
    if (bt && (!ht || [...ht].some((t) => !bt.has(t) && !(t === "integer" && bt.has("number"))))) {
      this.brk("response-type-changed", loc, `type ${fmt(b.type)} -> ${fmt(h.type ?? "any")}`);
    }
    if (Array.isArray(b.enum)) {
      const added = Array.isArray(h.enum) ? h.enum.filter((v) => !b.enum.includes(v)) : ["(any value)"];
      if (added.length)
        this.add(
          "response-enum-value-added",
          loc,
          `may now answer ${added.map(fmt).join(", ")} (clients with exhaustive checks should handle it)`,
        );
    }
    const bProps = b.properties ?? {};
    const hProps = h.properties ?? {};
    const hReq = new Set(h.required ?? []);
    for (const [name, bs] of Object.entries(bProps)) {
      if (!(name in hProps)) {
        this.brk("response-property-removed", `${loc} .${name}`, "property removed");
        continue;
      }
      if ((b.required ?? []).includes(name) && !hReq.has(name))
        this.brk("response-property-made-optional", `${loc} .${name}`, "required property is now optional");
      this.responseSchema(bs, hProps[name], `${loc} .${name}`);
    }
    for (const name of Object.keys(hProps)) {
      if (!(name in bProps)) this.add("response-property-added", `${loc} .${name}`, "new property");
    }
    if (b.items && h.items) this.responseSchema(b.items, h.items, `${loc}[]`);
    this.variants(b, h, loc, "responseSchema");
  }

  /** oneOf / anyOf: compared branch by branch, in order. */
  /** @param {Node} b @param {Node} h @param {string} loc @param {Direction} fn */
  variants(b, h, loc, fn) {
    for (const kw of ["oneOf", "anyOf"]) {
      const bv = b[kw];
      const hv = h[kw];
      if (!Array.isArray(bv) || !Array.isArray(hv)) continue;
      const n = Math.min(bv.length, hv.length);
      for (let i = 0; i < n; i++) this[fn](bv[i], hv[i], `${loc} ${kw}[${i}]`);
      if (fn === "requestSchema" && hv.length < bv.length)
        this.brk("request-type-changed", loc, `${kw} lost ${bv.length - hv.length} variant(s)`);
      if (fn === "responseSchema" && hv.length > bv.length)
        this.brk("response-type-changed", loc, `${kw} gained ${hv.length - bv.length} variant(s)`);
    }
  }
}

/** Compares two bundled OpenAPI documents: { breaking: Change[], nonBreaking: Change[] }. */
/** @param {Node} base @param {Node} head @returns {Diff} */
export function diffSpecs(base, head) {
  return new Differ(base, head).run();
}

/**
 * Bump types declared for `pkg` by pending changesets, as @changesets/read returns them.
 * @param {{ id: string, releases: { name: string, type: string }[] }[]} changesets
 * @param {string} pkg
 * @returns {{ file: string, bump: string }[]}
 */
export function pendingBumps(changesets, pkg) {
  return changesets.flatMap((c) => c.releases.filter((r) => r.name === pkg).map((r) => ({ file: `${c.id}.md`, bump: r.type })));
}
