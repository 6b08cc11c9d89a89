// A value for a JSON Schema of the spec, drawn from faker: types, formats, enums and bounds come
// from the schema; a property's name picks the faker generator (an `email` gets an address, a
// `city` a city), so seeded records look real and still validate against the spec.
import type { Faker } from "@faker-js/faker";
import type { OpenAPIDocument } from "../spec.js";

type Schema = Record<string, unknown>;

/** Follows a local `$ref` of the spec. */
export function deref(spec: OpenAPIDocument, schema: unknown): Schema {
  let s = (schema ?? {}) as Schema;
  for (let hops = 0; typeof s.$ref === "string" && hops < 32; hops++) {
    const path = (s.$ref as string).replace(/^#\//, "").split("/");
    s = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec) as Schema;
    if (!s) throw new Error(`unresolved $ref ${String(schema)}`);
  }
  return s;
}

/** By property name: realistic text where a plain string would do. */
const BY_NAME: Record<string, (f: Faker) => unknown> = {
  email: (f) => f.internet.email().toLowerCase(),
  name: (f) => f.person.firstName(),
  display_name: (f) => f.person.fullName(),
  first_name: (f) => f.person.firstName(),
  last_name: (f) => f.person.lastName(),
  phone: (f) => f.phone.number(),
  title: (f) => f.person.jobTitle(),
  company: (f) => f.company.name(),
  city: (f) => f.location.city(),
  state: (f) => f.location.state(),
  country: (f) => f.location.country(),
  ip: (f) => f.internet.ipv4(),
  language: (f) => f.helpers.arrayElement(["en_us", "en_gb", "fr_fr", "de_de", "zh_cn", "es_es"]),
  screen_resolution: (f) => f.helpers.arrayElement(["1440*900", "1920*1080", "1366*768", "2560*1440", "390*844"]),
  time_zone: (f) => f.helpers.arrayElement(["UTC-08:00", "UTC-05:00", "UTC+00:00", "UTC+01:00", "UTC+08:00"]),
  flash_version: () => "",
  operating_system: (f) => f.helpers.arrayElement(["Windows 11", "macOS 14", "Ubuntu 24.04", "iOS 18", "Android 15"]),
  browser: (f) => f.helpers.arrayElement(["Chrome 131.0", "Firefox 133.0", "Safari 18.1", "Edge 131.0"]),
  current_browsing: (f) => f.internet.url(),
  referrer_url: (f) => f.internet.url(),
  landing_page: (f) => f.internet.url(),
  search_engine: (f) => f.helpers.arrayElement(["Google", "Bing", "DuckDuckGo", ""]),
  keywords: (f) => f.commerce.productName().toLowerCase(),
  description: (f) => f.company.catchPhrase(),
  message: (f) => f.hacker.phrase(),
  content: (f) => `${f.hacker.phrase()} ${f.hacker.phrase()}`,
  subject: (f) => f.company.catchPhrase(),
  comment: (f) => f.hacker.phrase(),
  rating_comment: (f) => f.helpers.arrayElement(["Very helpful, thanks!", "Quick answer.", "Solved my problem.", "Took a while.", ""]),
  operator_comment: (f) => f.helpers.arrayElement(["paid", "follow up", "trial", ""]),
  ongoing_chats: (f) => f.number.int({ min: 0, max: 3 }),
  product_service: (f) => f.commerce.product(),
  shortcuts: (f) => f.lorem.word(),
  value: (f) => f.lorem.word(),
};

export interface SampleContext {
  spec: OpenAPIDocument;
  faker: Faker;
  /** `/Date(n)/` values are drawn between these epoch seconds. */
  dateRange: [number, number];
}

/** A value for `schema`; `name` is the property it fills (for the name-based generators). */
export function sample(ctx: SampleContext, schema: unknown, name?: string, depth = 0): unknown {
  const s = deref(ctx.spec, schema);
  const f = ctx.faker;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return f.helpers.arrayElement(s.enum);
  if (Array.isArray(s.allOf)) {
    return Object.assign({}, ...(s.allOf as unknown[]).map((part) => sample(ctx, part, name, depth + 1)));
  }
  for (const key of ["anyOf", "oneOf"]) {
    if (Array.isArray(s[key])) return sample(ctx, (s[key] as unknown[])[0], name, depth + 1);
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  // The Comm100 date: a pattern no generic generator reads, so it is recognised by its pattern.
  if (type === "string" && typeof s.pattern === "string" && s.pattern.includes("Date")) {
    return `/Date(${f.number.int({ min: ctx.dateRange[0], max: ctx.dateRange[1] })})/`;
  }
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      if (depth > 6) return out;
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) out[k] = sample(ctx, v, k, depth + 1);
      return out;
    }
    case "array": {
      if (depth > 6) return [];
      return Array.from({ length: f.number.int({ min: 0, max: 3 }) }, () => sample(ctx, s.items, name, depth + 1));
    }
    case "integer":
      if (name && BY_NAME[name]) return BY_NAME[name]!(f);
      return f.number.int({ min: Number(s.minimum ?? 0), max: Number(s.maximum ?? 100) });
    case "number":
      return f.number.float({ min: Number(s.minimum ?? 0), max: Number(s.maximum ?? 100), fractionDigits: 2 });
    case "boolean":
      return f.datatype.boolean();
    case "string":
      if (s.format === "uuid") return f.string.uuid();
      if (s.format === "uri") return f.internet.url();
      if (s.format === "date-time") return f.date.recent().toISOString();
      if (name && BY_NAME[name]) return BY_NAME[name]!(f);
      return f.lorem.word();
    default:
      return name && BY_NAME[name] ? BY_NAME[name]!(f) : null;
  }
}
