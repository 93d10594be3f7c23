import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';
import type { Executor } from '../../graph/executor.ts';
import { exportHash, loadBundledPlan } from '../support/loaded.ts';
import { connect } from '../support/neo4j.ts';
import { body, makePdf } from '../support/pdf-files.ts';
import { PLAN_PATH, planBytes, planGraph } from '../support/plan.ts';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(PROJECT_ROOT, 'bin', 'ingest.ts');

function ingest(...args: string[]) {
  return ingestWith([], ...args);
}

/** The CLI with options for Node itself first (a preloaded fault). */
function ingestWith(nodeOptions: string[], ...args: string[]) {
  const { uri, user, password, database } = inject('neo4j');
  const result = spawnSync(TSX, [...nodeOptions, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ingest', () => {
  let executor: Executor;
  let dir: string;
  let before: string;
  const file = (name: string, content: Buffer | string) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, content);
    return target;
  };

  beforeAll(async () => {
    executor = await connect();
    await loadBundledPlan(executor);
    before = await exportHash(executor);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-cli-'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await executor.close();
  });

  it.each([
    ['an empty file', () => file('empty.txt', ''), /the file is empty/],
    ['a binary file', () => file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0])), /binary file/],
    ['text with no Chinese', () => file('english.txt', 'An English memo.\n'.repeat(40)), /no Chinese text/],
    ['a file over the size limit', () => file('huge.txt', Buffer.alloc(21 * 1024 * 1024, 0x41)), /over the .*-byte limit/],
    ['an unreadable path', () => path.join(dir, 'missing.txt'), /cannot read \(ENOENT\)/],
    ['a scanned PDF, without a text layer', () => file('scan.pdf', makePdf([[], []])), /no text layer — OCR is not supported/],
    ['an encrypted PDF', () => file('locked.pdf', makePdf([body(['广东省科技创新规划'])], { encrypted: true })), /encrypted/],
    ['a truncated PDF', () => file('cut.pdf', makePdf([body(['广东省科技创新规划'])]).subarray(0, 600)), /looks truncated/],
    [
      'a corrupt PDF',
      () => file('bad.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x37), Buffer.from('\n%%EOF\n')])),
      /not a readable PDF/,
    ],
    [
      'a PDF over the size limit',
      () => file('huge.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024, 0x20)])),
      /over the .*-byte limit/,
    ],
  ])('refuses %s with one clear line, exit 2, and nothing written', async (_, make, message) => {
    const { code, stderr } = ingest(make());
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(await exportHash(executor)).toBe(before);
  });

  it('exits 1 with the message of a TypeError thrown inside a load, not as a database error, and keeps the previous graph', async () => {
    const fault = path.join(PROJECT_ROOT, 'tests', 'support', 'faults', 'type-error-in-load.ts');
    const { code, stderr } = ingestWith(['--import', fault], PLAN_PATH);
    expect(stderr).toContain('innograph ingest: planted fault: entities cannot be written');
    expect(stderr).not.toMatch(/unavailable/i);
    expect(code).toBe(1);
    expect(await exportHash(executor)).toBe(before);
  });

  it('refuses a registry with duplicate ids, saying where, and writes nothing', async () => {
    const registry = fs.mkdtempSync(path.join(dir, 'registry-'));
    fs.writeFileSync(path.join(registry, 'a.yaml'), '- { id: x, kind: City, name: 甲, nameEn: A }\n- { id: x, kind: City, name: 乙, nameEn: B }\n');
    const { code, stderr } = ingest(PLAN_PATH, '--registry', registry);
    expect(code).toBe(2);
    expect(stderr).toMatch(/a\.yaml#2: duplicate id x \(also at a\.yaml#1\)/);
    expect(await exportHash(executor)).toBe(before);
  });

  it('writes the graph as JSON with --dry-run, the same graph the loader stores', () => {
    const out = path.join(dir, 'graph.json');
    const { code } = ingest(PLAN_PATH, '--dry-run', '--out', out);
    expect(code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(planGraph());
  });

  it('decodes a GBK-encoded plan to the same graph as the UTF-8 one', () => {
    const gbk = file('plan-gbk.txt', iconv.encode(planBytes().toString('utf8'), 'gbk'));
    const { code, stdout } = ingest(gbk, '--dry-run', '--json', '--id', 'guangdong-sti-14th-fyp');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ encoding: 'gb18030', entities: planGraph().nodes.length, relations: planGraph().edges.length });
  });

  it('loads into Neo4j and reports counts with --json; loading the same plan again changes nothing', async () => {
    const { code, stdout } = ingest(PLAN_PATH, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).written).toMatchObject({ entities: planGraph().nodes.length, relations: planGraph().edges.length, pruned: 0 });
    expect(await exportHash(executor)).toBe(before);
  });

  it('lists what discovery found with --report', () => {
    const { code, stderr } = ingest(PLAN_PATH, '--dry-run', '--out', path.join(dir, 'r.json'), '--report');
    expect(code).toBe(0);
    const discovered = planGraph().nodes.filter((n) => n.source === 'discovered');
    expect(stderr).toContain(`${discovered.length} entities found by discovery`);
    for (const node of discovered) expect(stderr).toContain(node.name);
  });
});
