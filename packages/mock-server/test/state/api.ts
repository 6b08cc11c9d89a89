// A tiny caller for the stateful tests: form bodies as the docs' curl sends them, the default account.
import { call, formEncode } from "../helpers.js";

export interface Answer {
  status: number;
  json: any;
}

export function api(base: string) {
  const send = async (method: string, path: string, body?: Record<string, unknown> | unknown[]): Promise<Answer> => {
    const json = Array.isArray(body);
    const res = await call(`${base}${path}`, {
      method,
      ...(body !== undefined
        ? {
            body: json ? JSON.stringify(body) : formEncode(body as Record<string, unknown>),
            headers: { "content-type": json ? "application/json" : "application/x-www-form-urlencoded" },
          }
        : {}),
    });
    return { status: res.status, json: res.json };
  };
  return {
    get: (path: string) => send("GET", path),
    post: (path: string, body: Record<string, unknown>) => send("POST", path, body),
    put: (path: string, body: Record<string, unknown> | unknown[]) => send("PUT", path, body),
    del: (path: string) => send("DELETE", path),
  };
}
