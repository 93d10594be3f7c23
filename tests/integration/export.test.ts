import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../api/server.ts';
import type { Executor } from '../../graph/executor.ts';
import type { Graph } from '../../ingest/types.ts';
import { silentLogger } from '../support/api.ts';
import { loadBundledPlan } from '../support/loaded.ts';
import { connect } from '../support/neo4j.ts';
import { planGraph } from '../support/plan.ts';

describe('HTTP exports', () => {
  let executor: Executor;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    executor = await connect();
    await loadBundledPlan(executor);
    server = createServer({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 5000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await executor.close();
  });

  it('exports the whole graph as the ingest JSON', async () => {
    const response = await fetch(`${base}/export/graph.json`);
    expect(response.headers.get('content-type')).toContain('application/json');
    const graph = (await response.json()) as Graph;
    expect(graph).toEqual(planGraph());
  });

  it('exports GraphML that an XML parser reads back to the same counts', async () => {
    const text = await (await fetch(`${base}/export/graph.graphml`)).text();
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(text);
    expect(doc.graphml.graph.node).toHaveLength(planGraph().nodes.length);
    expect(doc.graphml.graph.edge).toHaveLength(planGraph().edges.length);
    const lab = doc.graphml.graph.node.find((n: { '@_id': string }) => n['@_id'] === 'ji-hua-lab');
    expect(lab.data.find((d: { '@_key': string }) => d['@_key'] === 'n_nameEn')['#text']).toBe('Ji Hua Laboratory');
  });

  it('exports nodes and edges as CSV that a CSV parser reads back', async () => {
    const nodes = parseCsv(await (await fetch(`${base}/export/nodes.csv`)).text(), { columns: true }) as Record<string, string>[];
    const edges = parseCsv(await (await fetch(`${base}/export/edges.csv`)).text(), { columns: true }) as Record<string, string>[];
    expect(nodes).toHaveLength(planGraph().nodes.length);
    expect(edges).toHaveLength(planGraph().edges.length);
    expect(nodes.find((n) => n.id === 'guangming-science-city')).toMatchObject({ kind: 'ScienceCity', name: '光明科学城', city: 'shenzhen' });
    const hosted = edges.find((e) => e.id === 'HOSTED_BY:sysu-p4-lab->sun-yat-sen-university');
    expect(hosted?.quote).toContain('依托中山大学建设华南首家 P4 实验室');
  });

  it('exports the subgraph around some entities, with its edges closed over it', async () => {
    const graph = (await (await fetch(`${base}/export/graph.json?ids=shenzhen&depth=1`)).json()) as Graph;
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(ids.has('shenzhen')).toBe(true);
    expect(ids.has('guangming-science-city')).toBe(true);
    expect(graph.nodes.length).toBeLessThan(planGraph().nodes.length);
    for (const edge of graph.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
  });

  it('answers an unknown id with 404 and a bad depth with 400', async () => {
    expect((await fetch(`${base}/export/graph.json?ids=nowhere`)).status).toBe(404);
    const bad = await fetch(`${base}/export/nodes.csv?ids=shenzhen&depth=9`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
