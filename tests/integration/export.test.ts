import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { parse as parseCsv } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
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

  it('exports nodes and edges as CSV that a CSV parser reads back under the column names Gephi imports', async () => {
    const nodes = parseCsv(await (await fetch(`${base}/export/nodes.csv`)).text(), { columns: true }) as Record<string, string>[];
    const edges = parseCsv(await (await fetch(`${base}/export/edges.csv`)).text(), { columns: true }) as Record<string, string>[];
    expect(nodes).toHaveLength(planGraph().nodes.length);
    expect(edges).toHaveLength(planGraph().edges.length);
    expect(nodes.find((n) => n.id === 'guangming-science-city')).toMatchObject({
      label: '光明科学城',
      kind: 'ScienceCity',
      name: '光明科学城',
      city: 'shenzhen',
    });
    const hosted = edges.find((e) => e.id === 'HOSTED_BY:sysu-p4-lab->sun-yat-sen-university');
    expect(hosted).toMatchObject({ source: 'sysu-p4-lab', target: 'sun-yat-sen-university', relation: 'HOSTED_BY' });
    expect(JSON.parse(hosted!.quotes!).join('')).toContain('依托中山大学建设华南首家 P4 实验室');
  });

  it('puts a byte-order mark before the CSV when asked with ?bom=1, for Excel', async () => {
    const response = await fetch(`${base}/export/nodes.csv?bom=1&ids=shenzhen&depth=0`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(Buffer.from(bytes), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ id: 'shenzhen', label: '深圳' })]);
  });

  it('exports Cytoscape JSON that Cytoscape.js loads as it is', async () => {
    const response = await fetch(`${base}/export/graph.cyjs`);
    expect(response.headers.get('content-type')).toContain('application/json');
    const cy = cytoscape({ headless: true });
    cy.json(await response.json());
    expect(cy.nodes()).toHaveLength(planGraph().nodes.length);
    expect(cy.edges()).toHaveLength(planGraph().edges.length);
    expect(
      cy
        .getElementById('sysu-p4-lab')
        .outgoers('edge[relation = "HOSTED_BY"]')
        .targets()
        .map((n) => n.id()),
    ).toContain('sun-yat-sen-university');
  });

  it('exports GraphML that a GraphML reader opens with labels, kind-specific properties and every quote', async () => {
    const read = parseGraphml(MultiDirectedGraph, await (await fetch(`${base}/export/graph.graphml`)).text());
    expect(read.order).toBe(planGraph().nodes.length);
    expect(read.getNodeAttributes('sysu-p4-lab')).toMatchObject({ label: '华南首家 P4 实验室', tier: 'biosafety-p4' });
    const multi = planGraph().edges.find((e) => e.evidence.length > 1)!;
    expect(JSON.parse(read.getEdgeAttribute(multi.id, 'quotes') as string)).toEqual(multi.evidence.map((v) => v.quote));
  });

  it('answers only the documented export names, 404 for any other, __proto__ included', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'graph.xlsx']) {
      const response = await fetch(`${base}/export/${name}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await fetch(`${base}/export/graph.json?ids=shenzhen&depth=0`)).status).toBe(200);
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
    expect((await fetch(`${base}/export/edges.csv?bom=2`)).status).toBe(400);
  });
});
