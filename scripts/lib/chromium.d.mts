// Shim, goes away once every import names @comm100-sdk/test-browser (tools/test-browser).
export * from "@comm100-sdk/test-browser";
