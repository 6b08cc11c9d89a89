// The loopback server every contender calls: node:http on 127.0.0.1, one fixed JSON body (the
// spec's documented agent list) for every request. Prints its port, then serves until killed.
import { createServer } from "node:http";

const body = Buffer.from(process.argv[2] ?? "[]");
const headers = { "content-type": "application/json; charset=utf-8", "content-length": String(body.length) };
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
// a deep accept queue: the memory run opens 1000 connections at once
server.listen(0, "127.0.0.1", 4096, () => {
  process.stdout.write(`${/** @type {import("node:net").AddressInfo} */ (server.address()).port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
