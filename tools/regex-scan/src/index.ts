// The ReDoS check shared by the packages' tests: every regular expression literal of a source
// folder, found by TypeScript's parser (comments and strings are not regexes), checked by recheck.
import { readdirSync, readFileSync } from "node:fs";
import { check } from "recheck";
import ts from "typescript";

export interface RegexLiteral {
  /** The file, relative to the scanned folder. */
  file: string;
  source: string;
  flags: string;
}

/** Every regular expression literal in the `.ts` files under `dir`. */
export function regexLiterals(dir: URL): RegexLiteral[] {
  const out: RegexLiteral[] = [];
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    if (!file.endsWith(".ts")) continue;
    const sf = ts.createSourceFile(file, readFileSync(new URL(file, dir), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const end = text.lastIndexOf("/");
        out.push({ file, source: text.slice(1, end), flags: text.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** recheck's verdict on one pattern: "safe", "vulnerable" or "unknown". */
export async function regexStatus(source: string, flags = ""): Promise<string> {
  // g and y change where matching starts, not whether it can backtrack
  return (await check(source, flags.replace(/[gy]/g, ""))).status;
}

/** The literals that are not proven safe, as `file: /source/flags status`. */
export async function unsafeRegexes(found: RegexLiteral[]): Promise<string[]> {
  const unsafe: string[] = [];
  for (const { file, source, flags } of found) {
    const status = await regexStatus(source, flags);
    if (status !== "safe") unsafe.push(`${file}: /${source}/${flags} ${status}`);
  }
  return unsafe;
}
