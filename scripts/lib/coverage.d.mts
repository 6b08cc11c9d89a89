export function recordCoverage(packageDir: string, check: string, operationIds: string[]): void;
