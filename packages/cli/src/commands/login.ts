// `comm100 login` saves a named profile (email, API key, domain or base URL) with 0600
// permissions; `logout` removes one; `profiles` lists them without their keys.
import { DOMAINS } from "@comm100-sdk/client";
import { type Command, Option } from "commander";
import { clientFor, type GlobalOptions } from "../auth.js";
import { configPath, readConfig, writeConfig, type Profile } from "../config.js";
import { render } from "../output.js";
import { ask, askSecret, readStdin } from "../prompt.js";
import type { Runtime } from "../runtime.js";
import { UsageError } from "../usage-error.js";

export function addLoginCommands(program: Command, rt: Runtime): void {
  program
    .command("login")
    .summary("save credentials as a named profile")
    .description(
      `Asks for the agent email, the Control Panel domain and the API key (typed without echo), checks them with one request (GET /livechat/site_status) and saves them as a profile in ${"<config dir>"}/comm100/config.json, readable by you only (0600).`,
    )
    .option("--with-api-key", "read the API key from standard input instead of a prompt")
    .addOption(new Option("--no-verify", "save without checking the credentials"))
    .action(async (opts: { withApiKey?: boolean; verify: boolean }, self: Command) => {
      const g = self.optsWithGlobals() as GlobalOptions;
      const name = g.profile ?? process.env.COMM100_PROFILE ?? "default";
      const email = g.user ?? (await ask("Agent email: "));
      if (!email) throw new UsageError("an email is required");
      let domain = g.domain;
      const baseUrl = g.baseUrl;
      if (!domain && !baseUrl) {
        domain = (await ask(`Control Panel domain [${DOMAINS[0]}]: `)) || DOMAINS[0];
      }
      if (domain && !(DOMAINS as readonly string[]).includes(domain)) {
        throw new UsageError(`--domain: '${domain}' is not one of: ${DOMAINS.join(", ")}`);
      }
      const apiKey = g.apiKey ?? (opts.withApiKey ? await readStdin() : await askSecret("API key (not shown): "));
      if (!apiKey) throw new UsageError("an API key is required");
      rt.secrets.push(apiKey);
      const profile: Profile = { email, apiKey, ...(baseUrl ? { baseUrl } : { domain }) };
      if (opts.verify) await clientFor(profile).siteStatus.get();
      const config = readConfig();
      config.profiles[name] = profile;
      const file = writeConfig(config);
      process.stderr.write(`Saved profile '${name}' for ${email} in ${file}\n`);
    });

  program
    .command("logout")
    .summary("remove a saved profile")
    .action((_opts: object, self: Command) => {
      const g = self.optsWithGlobals() as GlobalOptions;
      const name = g.profile ?? process.env.COMM100_PROFILE ?? "default";
      const config = readConfig();
      if (!config.profiles[name]) throw new UsageError(`no profile named '${name}' in ${configPath()}`);
      delete config.profiles[name];
      writeConfig(config);
      process.stderr.write(`Removed profile '${name}'\n`);
    });

  program
    .command("profiles")
    .summary("list saved profiles (never their keys)")
    .action((_opts: object, self: Command) => {
      const rows = Object.entries(readConfig().profiles).map(([name, p]) => ({
        profile: name,
        email: p.email,
        server: p.baseUrl ?? p.domain ?? DOMAINS[0],
      }));
      render(rows, rt.format(self), process.stdout);
    });
}
