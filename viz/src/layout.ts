// The page's side of the layout worker: one worker, started when a force layout is first
// needed, answering requests in turn. fcose needs seconds for a thousand nodes; in the worker
// those seconds never freeze the page.
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

/**
 * fcose over `nodes` (their sizes on screen at zoom 1) and `edges`, in the worker: their new
 * positions, by id. Plain data in, so a picture can be laid out before Cytoscape holds it.
 */
export function forceLayout(nodes: LayoutRequest['nodes'], edges: LayoutRequest['edges'], options: Record<string, unknown>): Promise<Map<string, Position>> {
  const id = (sent += 1);
  const request: LayoutRequest = { id, nodes, edges, options };
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    layoutWorker().postMessage(request);
  });
}
