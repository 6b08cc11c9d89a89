// The guide entries a reader must find on the site, in the sidebar and in the built document.
export const EXPECTED_GUIDES = [
  "Getting started",
  "Base URL",
  "Authentication",
  "Errors",
  "Daily request quota",
  "Pagination",
  "Using the TypeScript SDK",
  "Using the command line",
  "Changelog",
];
