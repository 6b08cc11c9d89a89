// Shell completion for bash and zsh. commander has none built in, so the scripts ask the binary
// itself (`comm100 __complete <words>`), which answers from the generated table: always in step
// with the installed version.
import { Argument, type Command } from "commander";
import { COMMANDS, RESOURCES } from "../generated/commands.js";
import { EXPORT_KINDS, EXPORT_FLAGS } from "./export.js";

const TOP = ["api", "export", "login", "logout", "profiles", "completion"];
const GLOBAL_FLAGS = ["--format", "--profile", "--user", "--api-key", "--domain", "--base-url", "--timeout", "--help"];

/** The candidates after the given words (the word being completed excluded). */
export function candidates(words: string[]): string[] {
  const positional = words.filter((w) => !w.startsWith("-"));
  const [first, second] = positional;
  if (!first) return [...RESOURCES.map((r) => r.name), ...TOP];
  if (first === "export") return second ? [...EXPORT_FLAGS, ...GLOBAL_FLAGS] : [...EXPORT_KINDS];
  if (first === "api")
    return second
      ? positional[2]
        ? ["--field", "--input", "--all", ...GLOBAL_FLAGS]
        : [...new Set(COMMANDS.filter((c) => c.method === second.toUpperCase()).map((c) => c.path))]
      : ["GET", "POST", "PUT", "DELETE"];
  if (first === "completion") return ["bash", "zsh"];
  const actions = COMMANDS.filter((c) => c.resource === first);
  if (!actions.length) return [];
  const spec = second && actions.find((c) => c.action === second);
  if (!spec) return actions.map((c) => c.action);
  return [
    ...spec.flags.map((f) => `--${f.flag}`),
    ...(spec.body?.kind === "raw" ? ["--data"] : []),
    ...(spec.itemsKey ? ["--all"] : []),
    ...GLOBAL_FLAGS,
  ];
}

export const BASH = `# bash completion for comm100: add to ~/.bashrc
#   source <(comm100 completion bash)
_comm100() {
  local IFS=$'\\n' cur="\${COMP_WORDS[COMP_CWORD]}"
  COMPREPLY=( $(compgen -W "$(comm100 __complete "\${COMP_WORDS[@]:1:COMP_CWORD-1}" 2>/dev/null)" -- "$cur") )
}
complete -F _comm100 comm100
`;

export const ZSH = `#compdef comm100
# zsh completion for comm100: add to ~/.zshrc
#   source <(comm100 completion zsh)
_comm100() {
  local -a candidates
  candidates=("\${(@f)$(comm100 __complete "\${(@)words[2,CURRENT-1]}" 2>/dev/null)}")
  compadd -a candidates
}
compdef _comm100 comm100
`;

export function addCompletionCommand(program: Command): void {
  program
    .command("completion")
    .summary("print a bash or zsh completion script")
    .addArgument(new Argument("<shell>", "bash or zsh").choices(["bash", "zsh"]))
    .action((shell: string) => {
      process.stdout.write(shell === "bash" ? BASH : ZSH);
    });
  program
    .command("__complete", { hidden: true })
    .allowUnknownOption()
    .argument("[words...]")
    .action((words: string[]) => {
      process.stdout.write(
        candidates(words)
          .map((c) => `${c}\n`)
          .join(""),
      );
    });
}
