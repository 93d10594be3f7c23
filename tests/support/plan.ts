import fs from 'node:fs';
import { PROJECT_ROOT } from '../../config.ts';
import { buildGraph } from '../../ingest/pipeline.ts';
import { planMetadata } from '../../ingest/plan-index.ts';
import { loadRegistry, type Registry } from '../../ingest/registry.ts';
import type { Graph, GraphEdge } from '../../ingest/types.ts';

export const PLAN_PATH = `${PROJECT_ROOT}/data/plans/guangdong-sti-14th-fyp.txt`;
export const REGISTRY_PATH = `${PROJECT_ROOT}/data/registry`;

let registry: Registry | undefined;
export function bundledRegistry(): Registry {
  registry ??= loadRegistry(REGISTRY_PATH);
  return registry;
}

export function planBytes(): Buffer {
  return fs.readFileSync(PLAN_PATH);
}

let plan: Graph | undefined;
/** The bundled plan through the whole pipeline, with its id and title from index.yaml, as `npm start` loads it. */
export function planGraph(): Graph {
  plan ??= buildGraph({ source: PLAN_PATH, bytes: planBytes(), registry: bundledRegistry(), discover: true, ...planMetadata(PLAN_PATH) }).graph;
  return plan;
}

/** A snippet of the plan (lines as the PDF broke them are fine) through the whole pipeline. */
export function snippetGraph(text: string, reg: Registry = bundledRegistry()): Graph {
  return buildGraph({ source: 'snippet.txt', bytes: Buffer.from(text), registry: reg, discover: true }).graph;
}

/** `TYPE from→to` for the edges a given method produced, names instead of ids. */
export function edgesBy(graph: Graph, method: string): string[] {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return graph.edges
    .filter((e: GraphEdge) => e.evidence.some((ev) => ev.method === method))
    .map((e) => `${e.type} ${names.get(e.from)}→${names.get(e.to)}`)
    .sort();
}
