// `npm run env:example`: writes .env.example from config.ts's ENV_VARIABLES;
// with --check, only says whether the file is current (exit 1 when it is not).
import fs from 'node:fs';
import path from 'node:path';
import { ENV_VARIABLES, PROJECT_ROOT, envExample } from '../config.ts';
import { parseCommandLine, usageError, type CommandLine } from './cli.ts';

const FILE = path.join(PROJECT_ROOT, '.env.example');

const CLI = {
  name: 'innograph env:example',
  usage: `usage: npm run env:example [-- --check]
  --check      write nothing; exit 1 when .env.example is not what config.ts describes
  --help, -h   this text
  --version    innograph's version
exit codes: 0 written (or current), 1 stale (--check), 2 usage`,
  options: { check: { type: 'boolean', default: false } },
} satisfies CommandLine;

const { values, positionals } = parseCommandLine(CLI, process.argv.slice(2));
if (positionals.length > 0) usageError(CLI, `no arguments expected, got ${positionals.join(' ')}`);
const wanted = envExample();
if (values.check) {
  const current = fs.existsSync(FILE) && fs.readFileSync(FILE, 'utf8') === wanted;
  console.log(current ? '.env.example is current.' : '.env.example is stale: run `npm run env:example`.');
  process.exitCode = current ? 0 : 1;
} else {
  fs.writeFileSync(FILE, wanted);
  console.log(`wrote .env.example (${Object.keys(ENV_VARIABLES).length} variables)`);
}
