import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type LocalNeo4jSettings } from '../../config.ts';
import { isEmpty, storedCounts } from '../../graph/admin.ts';
import { Executor } from '../../graph/executor.ts';
import { exportGraph } from '../../graph/queries/export.ts';
import { applySchema } from '../../graph/schema.ts';
import { bulkLoad } from '../../launcher/bulk-load.ts';
import { freePort, start, status, stop } from '../../launcher/launcher.ts';
import { ENTITY_LABEL, KINDS, RELATION_TYPE_NAMES, STRUCTURE_LABELS } from '../../ingest/model.ts';
import type { Graph } from '../../ingest/types.ts';
import { exportHash, usePlan } from '../support/loaded.ts';
import { planGraph } from '../support/plan.ts';

const LABELS = [ENTITY_LABEL, ...KINDS, ...STRUCTURE_LABELS];
const TYPES = [...RELATION_TYPE_NAMES, 'HAS_SECTION', 'MENTIONED_IN'];

// The importer stops the server it imports into: a local server of its own, never the suite's.
describe('bulk first load through the offline importer', { timeout: 600_000 }, () => {
  const online = usePlan();
  let settings: LocalNeo4jSettings;
  let executor: Executor;
  const log = () => {};

  beforeAll(async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-bulk-'));
    settings = { ...loadConfig().local, home, boltPort: await freePort(), httpPort: await freePort(), heap: '512m', pageCache: '64m' };
    executor = await Executor.connect(await start(settings, log), { timeoutMs: 120_000 });
    await applySchema(executor);
  }, 300_000);

  afterAll(async () => {
    await executor?.close();
    await stop(settings);
    fs.rmSync(settings.home, { recursive: true, force: true });
  });

  it('refuses a server that is not the local one it manages', async () => {
    await expect(bulkLoad(settings, online(), planGraph(), log)).rejects.toMatchObject({ code: 'IMPORT_REFUSED' });
  });

  it('puts the empty database back and restarts the server when the importer fails', async () => {
    const graph = planGraph();
    const dangling: Graph = { ...graph, edges: [...graph.edges, { ...graph.edges[0]!, id: 'dangling', from: 'no-such-entity' }] };
    await expect(bulkLoad(settings, executor, dangling, log)).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: /put back as it was/ });
    expect((await status(settings)).running).toBe(true);
    expect(await isEmpty(executor)).toBe(true);
  });

  it('restarts the server and keeps the database empty when the graph cannot be written as CSV', async () => {
    const graph = planGraph();
    const unwritable: Graph = { ...graph, nodes: [{ ...graph.nodes[0]!, name: 'a\u001fb' }, ...graph.nodes.slice(1)] };
    await expect(bulkLoad(settings, executor, unwritable, log)).rejects.toMatchObject({ code: 'IMPORT_REFUSED', message: /U\+001F/ });
    expect((await status(settings)).running).toBe(true);
    expect(await isEmpty(executor)).toBe(true);
  });

  it('imports the bundled plan into an empty database exactly as the online writer stores it', async () => {
    const summary = await bulkLoad(settings, executor, planGraph(), log);
    expect(summary.rows).toBeGreaterThan(planGraph().nodes.length + planGraph().edges.length);
    expect(await exportGraph(executor)).toEqual(planGraph());
    expect(await exportHash(executor)).toBe(await exportHash(online()));
    // What the export leaves out: the section tree, the Meta node, every label and type.
    expect(await storedCounts(executor, LABELS, TYPES)).toEqual(await storedCounts(online(), LABELS, TYPES));
  });

  it('refuses a database that already holds a graph, and leaves it as it was', async () => {
    const before = await exportHash(executor);
    await expect(bulkLoad(settings, executor, planGraph(), log)).rejects.toMatchObject({ code: 'IMPORT_REFUSED', message: /already holds a graph/ });
    expect(await exportHash(executor)).toBe(before);
  });
});
