// createMockServer options: another spec (object or file), bodyLimit, onRequest, close().
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMockServer } from "../src/index.js";
import { AUTH } from "./helpers.js";

const tiny = {
  openapi: "3.1.0",
  info: { title: "tiny", version: "1" },
  servers: [{ url: "https://example.com/v9" }],
  components: { securitySchemes: { basicAuth: { type: "http", scheme: "basic" } } },
  security: [{ basicAuth: [] }],
  paths: {
    "/ping": {
      get: {
        operationId: "ping",
        security: [],
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { type: "object" }, example: { pong: true } } } },
        },
      },
    },
    "/things": {
      post: {
        operationId: "createThing",
        requestBody: {
          required: true,
          content: {
            "application/x-www-form-urlencoded": { schema: { type: "object", required: ["n"], properties: { n: { type: "integer" } } } },
          },
        },
        responses: { "200": { description: "ok" } },
      },
    },
  },
};

describe("options", () => {
  it("serves another spec under its own server path; security: [] needs no auth", async () => {
    const seen: string[] = [];
    const mock = await createMockServer({ spec: tiny, bodyLimit: 16, onRequest: (e) => seen.push(`${e.method} ${e.status}`) });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v9$/);
      const ping = await fetch(`${mock.url}/ping`);
      expect(ping.status).toBe(200);
      expect(await ping.json()).toEqual({ pong: true });
      const post = (body: string, auth = true) =>
        fetch(`${mock.url}/things`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...(auth ? { authorization: AUTH } : {}) },
          body,
        });
      expect((await post("n=1", false)).status).toBe(401);
      const ok = await post("n=1");
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe("");
      expect((await post("n=x")).status).toBe(400);
      expect((await post(`n=${"1".repeat(40)}`)).status).toBe(413);
      expect(seen).toEqual(["GET 200", "POST 401", "POST 200", "POST 400", "POST 413"]);
    } finally {
      await mock.close();
    }
  });

  it("reads a spec from a JSON file, and close() frees the port", async () => {
    const dir = mkdtempSync(join(tmpdir(), "comm100-mock-"));
    try {
      const file = join(dir, "openapi.json");
      writeFileSync(file, JSON.stringify(tiny));
      const mock = await createMockServer({ spec: file });
      expect((await fetch(`${mock.url}/ping`)).status).toBe(200);
      await mock.close();
      await expect(fetch(`${mock.url}/ping`)).rejects.toThrow();
      const again = await createMockServer({ spec: file, port: mock.port });
      expect(again.port).toBe(mock.port);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("starts quickly with the full spec", async () => {
    const t0 = performance.now();
    const mock = await createMockServer();
    const res = await fetch(`${mock.url}/livechat/operators`, { headers: { authorization: AUTH } });
    const ms = performance.now() - t0;
    await mock.close();
    expect(res.status).toBe(200);
    console.log(`createMockServer() to first answer: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(3000);
  });
});
