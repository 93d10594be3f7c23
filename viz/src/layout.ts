// The page's side of the layout worker: one worker, started when a force layout is first
// needed, answering requests in turn. fcose needs seconds for a thousand nodes; in the worker
// those seconds never freeze the page.
import type { NodeCollection } from 'cytoscape';
import type { Position } from './geo.ts';

export interface LayoutRequest {
  id: number;
  nodes: { id: string; w: number; h: number; x: number; y: number }[];
  edges: { id: string; source: string; target: string }[];
  /** fcose's options, plain data only (constraints name nodes by id) */
  options: Record<string, unknown>;
}

export type LayoutReply = { id: number; positions: (readonly [string, Position])[] } | { id: number; error: string };

let worker: Worker | null = null;
let sent = 0;
const waiting = new Map<number, { resolve: (positions: Map<string, Position>) => void; reject: (error: Error) => void }>();

function layoutWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<LayoutReply>) => {
    const reply = event.data;
    const request = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!request) return;
    if ('error' in reply) request.reject(new Error(`layout: ${reply.error}`));
    else request.resolve(new Map(reply.positions));
  };
  worker.onerror = (event) => {
    // A worker that failed to start or threw outside a request fails every request waiting on it.
    for (const request of waiting.values()) request.reject(new Error(`layout worker: ${event.message}`));
    waiting.clear();
    worker = null;
  };
  return worker;
}

/** fcose over `nodes` and the edges among them, in the worker: their new positions, by id. */
export function forceLayout(nodes: NodeCollection, options: Record<string, unknown>): Promise<Map<string, Position>> {
  const id = (sent += 1);
  const request: LayoutRequest = {
    id,
    nodes: nodes.map((n) => ({ id: n.id(), w: n.outerWidth(), h: n.outerHeight(), ...n.position() })),
    edges: nodes.edgesWith(nodes).map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    options,
  };
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    layoutWorker().postMessage(request);
  });
}
