// The export files opened by the programs their users have: Cytoscape.js, a
// GraphML reader (graphology-graphml, which types attributes by their keys) and a
// CSV parser reading Gephi's column names.
import { parse as parseCsv } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { cyjs, edgesCsv, exportFormat, exportOptions, graphml, nodesCsv } from '../../api/export.ts';
import type { Evidence, Graph, GraphNode } from '../../ingest/types.ts';
import { planGraph } from '../support/plan.ts';

function node(id: string, name: string, props: GraphNode['props'] = {}, kind: GraphNode['kind'] = 'Lab'): GraphNode {
  return { id, kind, name, nameEn: null, aliases: [], pinyin: id, source: 'registry', confidence: 1, city: null, props, mentions: [] };
}

function evidence(quote: string, start: number): Evidence {
  return { docId: 'doc', sectionId: `doc/s${start}`, quote, start, end: start + quote.length, leadStart: null, method: 'hosted-by', confidence: 0.9 };
}

/** Text as a hostile or simply unlucky plan could carry it. */
const hostile: Graph = {
  documents: [{ id: 'doc', title: 'a plan', sha256: '0', text: '' }],
  sections: [],
  nodes: [
    { ...node('a', '=HYPERLINK("http://x","lab")', { tier: 'provincial' }), aliases: ['+1 lab', '@SUM(A1)', 'plain, with "quotes"'] },
    node('b', '-2+3 university\u0001\u0008', { baseline: -2.5, target: 3 }, 'Indicator'),
  ],
  edges: [
    {
      id: 'HOSTED_BY:a->b',
      type: 'HOSTED_BY',
      from: 'a',
      to: 'b',
      evidence: [evidence('依托b建设a。\u000b', 0), evidence('a <由> b & "c" 共建\uFFFE\uD800。', 10)],
    },
  ],
};

const csvRows = (text: string) => parseCsv(text, { columns: true, bom: true }) as Record<string, string>[];
const NO_BOM = { bom: false };

describe('the Cytoscape JSON export', () => {
  it('loads into Cytoscape.js as it is, every edge between the entities it names', () => {
    const graph = planGraph();
    const cy = cytoscape({ headless: true });
    cy.json(JSON.parse(cyjs(graph)));
    expect(cy.nodes()).toHaveLength(graph.nodes.length);
    expect(cy.edges()).toHaveLength(graph.edges.length);
    const hosted = cy.getElementById('HOSTED_BY:sysu-p4-lab->sun-yat-sen-university');
    expect(hosted.source().id()).toBe('sysu-p4-lab');
    expect(hosted.target().id()).toBe('sun-yat-sen-university');
    expect(hosted.data('relation')).toBe('HOSTED_BY');
    expect(cy.getElementById('ji-hua-lab').data()).toMatchObject({ label: '季华实验室', kind: 'Lab', tier: 'provincial', city: 'foshan' });
  });

  it('holds every quote of an edge as a list, and only values Cytoscape desktop can type (no nulls, no objects)', () => {
    const doc = JSON.parse(cyjs(planGraph())) as { elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] } };
    const multi = planGraph().edges.find((e) => e.evidence.length > 1)!;
    const edge = doc.elements.edges.find((e) => e.data.id === multi.id)!;
    expect(edge.data.quotes).toEqual(multi.evidence.map((v) => v.quote));
    for (const element of [...doc.elements.nodes, ...doc.elements.edges]) {
      for (const value of Object.values(element.data)) {
        const items = Array.isArray(value) ? value : [value];
        for (const item of items) expect(['string', 'number', 'boolean']).toContain(typeof item);
      }
    }
  });
});

describe('the GraphML export', () => {
  it('is read by a GraphML parser with every attribute declared by a key, labels under `label`', () => {
    const graph = planGraph();
    const read = parseGraphml(MultiDirectedGraph, graphml(graph));
    expect(read.order).toBe(graph.nodes.length);
    expect(read.size).toBe(graph.edges.length);
    // an attribute without a declared key comes back under the key's id (n_…, e_…)
    read.forEachNode((_, attributes) => expect(Object.keys(attributes).filter((k) => /^[ne]_/.test(k))).toEqual([]));
    read.forEachEdge((_, attributes) => expect(Object.keys(attributes).filter((k) => /^[ne]_/.test(k))).toEqual([]));
    expect(read.getNodeAttributes('guangming-science-city')).toMatchObject({ label: '光明科学城', kind: 'ScienceCity', city: 'shenzhen' });
  });

  it('keeps the kind-specific properties, typed as numbers where they are numbers', () => {
    const graph = planGraph();
    const read = parseGraphml(MultiDirectedGraph, graphml(graph));
    const indicator = graph.nodes.find((n) => n.kind === 'Indicator' && typeof n.props.target === 'number')!;
    expect(read.getNodeAttribute(indicator.id, 'target')).toBe(indicator.props.target);
    expect(read.getNodeAttribute('ji-hua-lab', 'tier')).toBe('provincial');
    const city = graph.nodes.find((n) => n.kind === 'City' && typeof n.props.lat === 'number')!;
    expect(read.getNodeAttribute(city.id, 'lat')).toBe(city.props.lat);
  });

  it('keeps every quote of an edge, not only the first', () => {
    const graph = planGraph();
    const read = parseGraphml(MultiDirectedGraph, graphml(graph));
    const multi = graph.edges.find((e) => e.evidence.length > 1)!;
    expect(JSON.parse(read.getEdgeAttribute(multi.id, 'quotes') as string)).toEqual(multi.evidence.map((v) => v.quote));
    expect(read.getEdgeAttribute(multi.id, 'label')).toBeTypeOf('string');
    expect(read.source(multi.id)).toBe(multi.from);
    expect(read.target(multi.id)).toBe(multi.to);
  });

  it('marks a cooperation undirected, said of both ends alike, and every other link directed as the graph is', () => {
    const graph = planGraph();
    const read = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(graphml(graph)) as {
      graphml: { graph: { edgedefault: string; edge: { id: string; directed?: string }[] } };
    };
    expect(read.graphml.graph.edgedefault).toBe('directed');
    const undirected = read.graphml.graph.edge.filter((e) => e.directed === 'false').map((e) => e.id);
    const cooperations = graph.edges.filter((e) => e.type === 'COOPERATES_WITH').map((e) => e.id);
    expect(cooperations.length).toBeGreaterThan(0);
    expect(undirected.sort()).toEqual(cooperations.sort());
  });

  it('stays well-formed XML when a quote holds control characters, lone surrogates or markup', () => {
    const text = graphml(hostile);
    expect(XMLValidator.validate(text)).toBe(true);
    const read = parseGraphml(MultiDirectedGraph, text);
    expect(JSON.parse(read.getEdgeAttribute('HOSTED_BY:a->b', 'quotes') as string)).toEqual(['依托b建设a。', 'a <由> b & "c" 共建。']);
    expect(read.getNodeAttribute('b', 'label')).toBe('-2+3 university');
  });
});

describe('the CSV exports', () => {
  it('name their columns as Gephi reads them: id,label on nodes; source,target and no type on edges', () => {
    const graph = planGraph();
    const nodes = csvRows(nodesCsv(graph, NO_BOM));
    const edges = csvRows(edgesCsv(graph, NO_BOM));
    expect(Object.keys(nodes[0]!).slice(0, 3)).toEqual(['id', 'label', 'kind']);
    expect(Object.keys(edges[0]!).slice(0, 3)).toEqual(['source', 'target', 'relation']);
    expect(Object.keys(edges[0]!).map((k) => k.toLowerCase())).not.toContain('type');
    expect(nodes).toHaveLength(graph.nodes.length);
    expect(edges).toHaveLength(graph.edges.length);
    expect(edges.find((e) => e.id === 'HOSTED_BY:sysu-p4-lab->sun-yat-sen-university')).toMatchObject({
      source: 'sysu-p4-lab',
      target: 'sun-yat-sen-university',
      relation: 'HOSTED_BY',
    });
  });

  it('write lists as JSON arrays and keep the kind-specific properties as columns', () => {
    const nodes = csvRows(nodesCsv(planGraph(), NO_BOM));
    const lab = nodes.find((n) => n.id === 'sysu-p4-lab')!;
    expect(JSON.parse(lab.aliases!)).toEqual(planGraph().nodes.find((n) => n.id === 'sysu-p4-lab')!.aliases);
    expect(lab.tier).toBe('biosafety-p4');
    const edges = csvRows(edgesCsv(planGraph(), NO_BOM));
    const multi = planGraph().edges.find((e) => e.evidence.length > 1)!;
    expect(JSON.parse(edges.find((e) => e.id === multi.id)!.quotes!)).toEqual(multi.evidence.map((v) => v.quote));
  });

  it('neutralise cells that a spreadsheet would run as a formula, and leave negative numbers as numbers', () => {
    const nodes = csvRows(nodesCsv(hostile, NO_BOM));
    expect(nodes[0]!.label).toBe(`'=HYPERLINK("http://x","lab")`);
    expect(nodes[1]!.label!.startsWith("'-2+3")).toBe(true);
    expect(nodes[1]!.baseline).toBe('-2.5');
    // a JSON array starts with [, so the names inside it cannot start a formula
    expect(JSON.parse(nodes[0]!.aliases!)).toEqual(['+1 lab', '@SUM(A1)', 'plain, with "quotes"']);
  });

  it('start with a byte-order mark only when asked (?bom=1), so that Excel reads UTF-8', () => {
    expect(nodesCsv(hostile, { bom: true }).startsWith('\uFEFFid,label,')).toBe(true);
    expect(edgesCsv(hostile, { bom: true }).startsWith('\uFEFFsource,target,')).toBe(true);
    expect(nodesCsv(hostile, NO_BOM).startsWith('id,label,')).toBe(true);
    expect(exportOptions(new URLSearchParams('bom=1'))).toEqual({ bom: true });
    expect(exportOptions(new URLSearchParams(''))).toEqual({ bom: false });
    expect(() => exportOptions(new URLSearchParams('bom=yes please'))).toThrow(/bom must be 1 or 0/);
  });
});

describe('the export names', () => {
  it('are the documented ones and nothing an object inherits', () => {
    for (const name of ['graph.json', 'graph.cyjs', 'graph.graphml', 'nodes.csv', 'edges.csv']) expect(exportFormat(name)).not.toBeNull();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'graph.xml', '']) expect(exportFormat(name)).toBeNull();
  });
});
