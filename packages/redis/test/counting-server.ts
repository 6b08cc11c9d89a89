// A stand-in for Comm100 that counts the requests it receives and answers the daily-quota 403 past
// `quota` of them, the way the real API does (per UTC day of `now`).
import { createServer, type Server } from "node:http";

export interface CountingServer {
  base: string;
  /** Requests received, per UTC day (YYYY-MM-DD by `now`). */
  perDay: Map<string, number>;
  total(): number;
  /** Quota 403s sent. */
  rejected: number;
  close(): Promise<void>;
}

export async function startCountingServer(quota: number, now: () => number = Date.now): Promise<CountingServer> {
  const perDay = new Map<string, number>();
  const s: CountingServer = {
    base: "",
    perDay,
    total: () => [...perDay.values()].reduce((a, b) => a + b, 0),
    rejected: 0,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const day = new Date(now()).toISOString().slice(0, 10);
      const n = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, n);
      if (n > quota) {
        s.rejected++;
        res.writeHead(403, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: 403001, message: "Exceeded the daily request quota" }));
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: "online" }));
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  s.base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v1`;
  return s;
}
