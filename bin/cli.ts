// What every innograph command line does alike: `--help` prints the usage and
// `--version` the version, both exiting 0; a usage mistake (an unknown option, a
// missing value, a wrong command) prints what was wrong and the usage, and exits 2.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { PROJECT_ROOT } from '../config.ts';

export const EXIT_USAGE = 2;

export interface CommandLine<O extends ParseArgsOptionsConfig = ParseArgsOptionsConfig> {
  /** shown before every message, e.g. `innograph ingest` */
  name: string;
  usage: string;
  options: O;
  /** more lines for --version, e.g. the version of a tool the command runs */
  versions?: () => string[];
}

export function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Prints the mistake and the usage's first line on stderr and exits 2. */
export function usageError(cli: CommandLine, message: string): never {
  process.stderr.write(`${cli.name}: ${message}\n${cli.usage.split('\n')[0]}\n(--help for the options)\n`);
  process.exit(EXIT_USAGE);
}

/** node:util's parseArgs, strict, with --help and --version answered here. */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(cli: CommandLine<O>, argv: string[]) {
  const config = {
    args: argv,
    allowPositionals: true as const,
    strict: true as const,
    options: { ...cli.options, help: { type: 'boolean' as const, short: 'h' }, version: { type: 'boolean' as const } },
  };
  let parsed;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    // parseArgs reports usage mistakes as ERR_PARSE_ARGS_* errors; anything else is ours to fix.
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS_')) usageError(cli, (error as Error).message);
    throw error;
  }
  const asked = parsed.values as { help?: boolean; version?: boolean };
  if (asked.help) {
    process.stdout.write(`${cli.usage}\n`);
    process.exit(0);
  }
  if (asked.version) {
    process.stdout.write([`innograph ${version()}`, ...(cli.versions?.() ?? [])].map((line) => `${line}\n`).join(''));
    process.exit(0);
  }
  return parsed;
}
