import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * The command line read by `config`; an unknown option or a missing value ends the
 * command with the reason and `usage` (exit status 2) instead of a stack trace.
 */
export function readArgs<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nUsage: ${usage}\n`);
    process.exit(2);
  }
}
