// ESM entry of the types: the generated declarations are read as CommonJS (the package has no
// "type": "module"), so ESM consumers get this re-export and both resolutions see one set of types.
export type * from "./generated/schema.js";
