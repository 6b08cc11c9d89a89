// Shim, goes away once every import names @comm100-sdk/spec-reader (tools/spec-reader).
export * from "@comm100-sdk/spec-reader";
