// Terminal prompts. The secret prompt puts the terminal in raw mode and writes nothing for the
// characters typed, so the key is never echoed (not even as asterisks, which would show its length).
import { createInterface } from "node:readline";

export class PromptCancelled extends Error {
  readonly exitCode = 130;
}

/** A visible line of input (an email, a domain). */
export function ask(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input, output, terminal: !!input.isTTY });
    let answered = false;
    rl.on("SIGINT", () => {
      rl.close();
      output.write("\n");
      reject(new PromptCancelled("cancelled"));
    });
    rl.on("close", () => {
      if (!answered) reject(new PromptCancelled("no answer (end of input)"));
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolve(answer.trim());
    });
  });
}

/** A secret typed on a terminal: no echo; Backspace edits, Enter ends, Ctrl-C cancels. */
export function askSecret(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  if (!input.isTTY) return Promise.reject(new Error("the API key prompt needs a terminal; pipe the key to `comm100 login --with-api-key`"));
  output.write(question);
  return new Promise((resolve, reject) => {
    let value = "";
    const done = (err?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      output.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new PromptCancelled("cancelled"));
        if (ch === "\u0004") return value ? done() : done(new PromptCancelled("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on("data", onData);
  });
}

/** All of standard input (for `login --with-api-key`), trimmed. */
export async function readStdin(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of input) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}
