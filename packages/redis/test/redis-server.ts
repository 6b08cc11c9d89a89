// A throwaway redis-server on 127.0.0.1 and a free port, with no persistence (nothing on disk).
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface TestRedis {
  port: number;
  url: string;
  /** Stops the server (its data is lost: no persistence) and starts a new, empty one on the same port. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

function launch(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    const onData = (b: Buffer) => {
      out += b;
      if (out.includes("Ready to accept connections")) {
        p.stdout!.off("data", onData);
        p.stdout!.resume();
        resolve(p);
      }
    };
    p.stdout!.on("data", onData);
    p.stderr!.on("data", (b) => (out += b));
    p.once("error", reject); // e.g. redis-server is not installed
    p.once("exit", (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${out.slice(-2000)}`)));
  });
}

const kill = (p: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once("exit", () => resolve());
    p.kill("SIGKILL");
  });

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let proc = await launch(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async restart(downMs = 300) {
      await kill(proc);
      await new Promise((r) => setTimeout(r, downMs)); // long enough for the clients to notice
      proc = await launch(port);
    },
    stop: () => kill(proc),
  };
}
