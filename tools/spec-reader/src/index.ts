// @comm100-sdk/spec-reader: everything generators and tests read from the bundled spec and from
// the documented samples, in one place.
export { loadSpec, SPEC_PATH, type OpenApiDocument } from "./document.js";
export { resolveRef } from "./refs.js";
export {
  camelCase,
  listOperations,
  methodName,
  type BodyInfo,
  type HttpMethod,
  type OperationInfo,
  type QueryParamInfo,
} from "./operations.js";
export { exampleInputs, type ExampleInput } from "./example-inputs.js";
export { recordCoverage, type CoverageEntry } from "./coverage.js";
export { inventoryFile, loadSamples, samplesDir, type Sample, type SampleRequest } from "./samples.js";
