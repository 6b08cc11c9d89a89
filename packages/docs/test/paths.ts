// Where the tests find what the build wrote.
import { fileURLToPath } from "node:url";

export const pkgDir = fileURLToPath(new URL("..", import.meta.url));
export const rootDir = fileURLToPath(new URL("../../..", import.meta.url));
export const htmlPath = fileURLToPath(new URL("../dist/index.html", import.meta.url));
export const decoratedPath = fileURLToPath(new URL("../dist/openapi.json", import.meta.url));
export const samplesPath = fileURLToPath(new URL("../.tmp/samples.ts", import.meta.url));
export const specPath = fileURLToPath(new URL("../../../spec/dist/openapi.json", import.meta.url));
export const screenshotDir = fileURLToPath(new URL("../screenshots/", import.meta.url));
