// Shim, goes away once every import names @comm100-sdk/spec-reader (tools/spec-reader/src/samples.ts).
export { inventoryFile, loadSamples, samplesDir, type Sample, type SampleRequest } from "@comm100-sdk/spec-reader";
