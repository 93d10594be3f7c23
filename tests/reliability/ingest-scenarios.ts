// Reliability of ingestion: Neo4j killed in the middle of a load, and bad input
// files given to `npm run ingest`. Each ends by comparing the JSON export with the
// one of a clean load.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { PROJECT_ROOT, loadConfig, type LocalNeo4jSettings } from '../../config.ts';
import { clearGraph } from '../../graph/admin.ts';
import { Executor } from '../../graph/executor.ts';
import { alive, start, type LocalNeo4j } from '../../launcher/launcher.ts';
import { DEFAULT_REGISTRY, ingestPlan } from '../../graph/load-plan.ts';
import { exportHash } from '../support/export-hash.ts';
import { body, makePdf, textPdf } from '../support/pdf-files.ts';
import { writeGraph } from '../../graph/writer.ts';
import type { Graph } from '../../ingest/types.ts';
import type { Row } from './report.ts';

const run = promisify(execFile);

export async function bundledGraph(): Promise<Graph> {
  return (await ingestPlan({ source: loadConfig().plan, registry: DEFAULT_REGISTRY })).graph;
}

/** Starts a load, SIGKILLs Neo4j when the load reaches `stage`, restarts it; the load must have failed. */
async function killDuring(
  server: LocalNeo4j,
  settings: LocalNeo4jSettings,
  graph: Graph,
  stage: string,
): Promise<{ server: LocalNeo4j; executor: Executor; rejected: boolean }> {
  const doomed = await Executor.connect(server, { connectTimeoutMs: 2000, retryMs: 1000 });
  let rejected = false;
  try {
    await writeGraph(doomed, graph, {
      onStage: (name) => {
        if (name === stage) process.kill(server.pid, 'SIGKILL');
      },
    });
  } catch {
    rejected = true;
  }
  await doomed.close().catch(() => undefined);
  while (alive(server.pid)) await new Promise((resolve) => setTimeout(resolve, 100));
  const restarted = await start(settings, () => {});
  return { server: restarted, executor: await Executor.connect(restarted), rejected };
}

export async function killScenario(server: LocalNeo4j, settings: LocalNeo4jSettings, clean: string): Promise<{ rows: Row[]; server: LocalNeo4j }> {
  const graph = await bundledGraph();
  const rows: Row[] = [];

  // 1. Killed during a first load into an empty graph: after the restart nothing of it is there.
  let executor = await Executor.connect(server);
  await clearGraph(executor);
  await executor.close();
  let after = await killDuring(server, settings, graph, 'entities');
  const [{ n: left } = { n: -1 }] = await after.executor.read<{ n: number }>('MATCH (n) WHERE NOT n:Meta RETURN count(n) AS n');
  await writeGraph(after.executor, graph);
  const first = await exportHash(after.executor);
  rows.push({
    scenario: 'Neo4j killed during a first ingest',
    tried: 'SIGKILL at the entities stage, restart, ingest again',
    failures: Number(!after.rejected) + Number(left !== 0) + Number(first !== clean),
    figure: `load failed: ${after.rejected}; nodes left after restart: ${left}; export after re-ingest identical to a clean run: ${first === clean}`,
    kind: 'check',
    ok: after.rejected && left === 0 && first === clean,
  });
  await after.executor.close();

  // 2. Killed during a reload over the stored graph: after the restart the previous graph is whole.
  after = await killDuring(after.server, settings, graph, 'mentions');
  const intact = await exportHash(after.executor);
  await writeGraph(after.executor, graph);
  const again = await exportHash(after.executor);
  rows.push({
    scenario: 'Neo4j killed during a reload',
    tried: 'SIGKILL at the mentions stage, restart, ingest again',
    failures: Number(!after.rejected) + Number(intact !== clean) + Number(again !== clean),
    figure: `load failed: ${after.rejected}; export after restart identical: ${intact === clean}; after re-ingest identical: ${again === clean}`,
    kind: 'check',
    ok: after.rejected && intact === clean && again === clean,
  });
  executor = after.executor;
  await executor.close();
  return { rows, server: after.server };
}

interface BadInput {
  name: string;
  /** writes the input; returns the CLI arguments */
  make(dir: string): string[];
  /** the exit code the CLI documents for it */
  exit: number;
  /** what stderr must say */
  says: RegExp;
}

const PLAN_NAME = path.basename(loadConfig().plan);

/** A file named like the bundled plan, with its index.yaml beside it, so that it gets the same document id. */
function asPlan(dir: string, sub: string, bytes: Uint8Array): string {
  const folder = path.join(dir, sub);
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(path.join(path.dirname(loadConfig().plan), 'index.yaml'), path.join(folder, 'index.yaml'));
  const file = path.join(folder, PLAN_NAME);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The plan as a PDF, named so that it gets the bundled plan's document id. */
function asPdf(dir: string, sub: string, bytes: Uint8Array): string {
  const folder = path.join(dir, sub);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, PLAN_NAME.replace(/\.txt$/, '.pdf'));
  fs.writeFileSync(file, bytes);
  return file;
}

function badInputs(): BadInput[] {
  const plan = fs.readFileSync(loadConfig().plan);
  const text = plan.toString('utf8');
  const pdf = textPdf(text);
  return [
    { name: 'empty file', make: (dir) => [asPlan(dir, 'empty', new Uint8Array())], exit: 2, says: /empty/ },
    {
      name: 'binary file',
      make: (dir) => [
        asPlan(
          dir,
          'binary',
          Uint8Array.from({ length: 65_536 }, (_, i) => (i * 7919) % 256),
        ),
      ],
      exit: 2,
      says: /binary/,
    },
    {
      name: '50 MB file',
      make: (dir) => [asPlan(dir, 'large', Buffer.concat(Array.from({ length: Math.ceil((50 * 2 ** 20) / plan.length) }, () => plan)))],
      exit: 2,
      says: /limit/,
    },
    {
      name: 'truncated mid-character',
      make: (dir) => {
        let cut = Math.floor(plan.length * 0.6);
        while ((plan[cut]! & 0xc0) !== 0x80) cut += 1; // land inside a multi-byte character
        return [asPlan(dir, 'cut-byte', plan.subarray(0, cut))];
      },
      exit: 2,
      says: /truncated/,
    },
    {
      name: 'truncated at a character',
      make: (dir) => [asPlan(dir, 'cut-char', Buffer.from(text.slice(0, Math.floor(text.length * 0.6))))],
      exit: 2,
      says: /truncated/,
    },
    { name: 'scanned PDF, no text layer', make: (dir) => [asPdf(dir, 'scan', makePdf([[], [], []]))], exit: 2, says: /no text layer — OCR is not supported/ },
    {
      name: 'encrypted PDF',
      make: (dir) => [asPdf(dir, 'locked', makePdf([body(text.split('\n').slice(0, 40))], { encrypted: true }))],
      exit: 2,
      says: /encrypted/,
    },
    { name: 'truncated PDF', make: (dir) => [asPdf(dir, 'cut-pdf', pdf.subarray(0, Math.floor(pdf.length * 0.6)))], exit: 2, says: /truncated/ },
    {
      name: 'corrupt PDF',
      make: (dir) => {
        const broken = Buffer.from(pdf);
        broken.fill(0x30, 1024, broken.length - 1024); // objects and cross-reference table overwritten
        return [asPdf(dir, 'corrupt', broken)];
      },
      exit: 2,
      says: /not a readable PDF/,
    },
    {
      name: '50 MB PDF',
      make: (dir) => [asPdf(dir, 'large-pdf', Buffer.concat([pdf, Buffer.alloc(50 * 2 ** 20 - pdf.length, 0x20)]))],
      exit: 2,
      says: /limit/,
    },
    {
      name: 'registry with duplicate ids',
      make: (dir) => {
        const registry = path.join(dir, 'registry');
        fs.cpSync(DEFAULT_REGISTRY, registry, { recursive: true });
        fs.copyFileSync(path.join(registry, 'cities.yaml'), path.join(registry, 'cities-again.yaml'));
        return [loadConfig().plan, '--registry', registry];
      },
      exit: 2,
      says: /duplicate|twice|already/i,
    },
  ];
}

async function cli(args: string[], neo4j: LocalNeo4j): Promise<{ code: number; stderr: string; stdout: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bin', 'ingest.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password },
      maxBuffer: 64 * 2 ** 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export async function badInputScenario(server: LocalNeo4j, clean: string): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-bad-input-'));
  const executor = await Executor.connect(server);
  const rows: Row[] = [];
  try {
    for (const input of badInputs()) {
      const result = await cli(input.make(dir), server);
      const intact = (await exportHash(executor)) === clean;
      const said = input.says.test(result.stderr);
      rows.push({
        scenario: `ingest: ${input.name}`,
        tried: '1 file',
        failures: Number(result.code !== input.exit) + Number(!said) + Number(!intact),
        figure: `exit ${result.code} (documented ${input.exit}); "${result.stderr.trim().split('\n').pop()?.slice(0, 110)}"; stored graph intact: ${intact}`,
        kind: 'check',
        ok: result.code === input.exit && said && intact,
      });
    }
    // GBK: decoded to the same graph as the UTF-8 file (compared without loading it, as its bytes' hash differs).
    const utf8 = path.join(dir, 'utf8.json');
    const gbk = path.join(dir, 'gbk.json');
    const gbkPlan = asPlan(dir, 'gbk', iconv.encode(fs.readFileSync(loadConfig().plan, 'utf8'), 'gbk'));
    const a = await cli([loadConfig().plan, '--dry-run', '--out', utf8], server);
    const b = await cli([gbkPlan, '--dry-run', '--out', gbk], server);
    const strip = (file: string) => {
      const graph = JSON.parse(fs.readFileSync(file, 'utf8')) as Graph;
      return JSON.stringify({ ...graph, documents: graph.documents.map(({ sha256: _sha, ...rest }) => rest) });
    };
    const same = a.code === 0 && b.code === 0 && strip(utf8) === strip(gbk);
    const intact = (await exportHash(executor)) === clean;
    rows.push({
      scenario: 'ingest: GBK-encoded plan',
      tried: '1 file',
      failures: Number(!same) + Number(!intact),
      figure: `exit ${b.code}; "${b.stderr.trim().split('\n')[0]?.slice(0, 80)}"; same graph as the UTF-8 file: ${same}`,
      kind: 'check',
      ok: same && intact,
    });
  } finally {
    await executor.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
