// Every command line in bin/ keeps the same conventions; none of these calls
// reaches a database, so they run without Neo4j.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const { version } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

/** Every file of bin/ but the conventions module they share. */
const CLIS = fs
  .readdirSync(path.join(PROJECT_ROOT, 'bin'))
  .filter((file) => file.endsWith('.ts') && file !== 'cli.ts')
  .sort();

function run(cli: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // NEO4J_URI at a closed port: a CLI that wrongly went on to the database fails fast instead of starting one.
    const env = { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:9' };
    execFile(TSX, [path.join(PROJECT_ROOT, 'bin', cli), ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe.each(CLIS)('bin/%s', (cli) => {
  it('prints its usage on standard output and exits 0 with --help', async () => {
    const { code, stdout } = await run(cli, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: /);
    expect(stdout).toContain('--version');
  });

  it("prints innograph's version and exits 0 with --version", async () => {
    const { code, stdout } = await run(cli, '--version');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`innograph ${version}`);
  });

  it('exits 2 on an unknown option, naming it on standard error', async () => {
    const { code, stdout, stderr } = await run(cli, '--no-such-option');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("'--no-such-option'");
    expect(stderr).toMatch(/^usage: /m);
  });
});

describe('the CLIs', () => {
  it('are the ones bin/ holds, so that a new one is held to the same conventions', () => {
    expect(CLIS).toEqual(expect.arrayContaining(['ingest.ts', 'neo4j.ts']));
  });

  it('exit 2 on a command neo4j does not know', async () => {
    const { code, stderr } = await run('neo4j.ts', 'restart');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "restart"');
  });
});
