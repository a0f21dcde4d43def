/** Runs a parsed command: the one place that maps command names to their files. */
import type { Command } from "./args";
import { backfill } from "./backfill";
import { EXIT, type CliDeps } from "./context";
import { importFile } from "./import";
import { retry } from "./retry";
import { show } from "./show";
import { USAGE } from "./usage";

export function runCommand(command: Command, deps: CliDeps): Promise<number> {
  switch (command.name) {
    case "help":
      deps.stdout.write(USAGE);
      return Promise.resolve(EXIT.ok);
    case "backfill":
      return backfill(command.args, deps);
    case "retry":
      return retry(command.args, deps);
    case "show":
      return show(command.args, deps);
    case "import":
      return importFile(command.args, deps);
  }
}
