export function resolveRef(doc: unknown, node: unknown): any;
