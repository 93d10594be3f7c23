// The page's side of the layout worker: one worker, started when a force layout is first
// needed, answering requests in turn. fcose needs seconds for a thousand nodes; in the worker
// those seconds never freeze the page.
import type { Position } from './geo.ts';
import { SIZES } from './sizes.ts';

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

/** fcose in the worker: the nodes' new positions, by id. */
function inWorker(nodes: LayoutRequest['nodes'], edges: LayoutRequest['edges'], options: Record<string, unknown>): Promise<Map<string, Position>> {
  const id = (sent += 1);
  const request: LayoutRequest = { id, nodes, edges, options };
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    layoutWorker().postMessage(request);
  });
}

/**
 * Nodes no link holds, in rows under the box of those laid out, each with room for its name
 * below it: as wide as that box, or a square where nothing else was laid out.
 */
export function inRowsUnder(laidOut: Map<string, Position>, loose: LayoutRequest['nodes']): Map<string, Position> {
  if (loose.length === 0) return new Map();
  const across = Math.max(...loose.map((n) => n.w), SIZES.labelWidth) + SIZES.labelMargin * 4;
  const down = Math.max(...loose.map((n) => n.h)) + SIZES.cityFont * 2 + SIZES.labelMargin * 4;
  const xs = [...laidOut.values()].map((p) => p.x);
  const ys = [...laidOut.values()].map((p) => p.y);
  const [x1, x2, y2] = xs.length > 0 ? [Math.min(...xs), Math.max(...xs), Math.max(...ys)] : [0, 0, -down];
  const perRow = xs.length > 0 ? Math.max(1, Math.floor((x2 - x1) / across) + 1) : Math.ceil(Math.sqrt(loose.length));
  const width = (Math.min(perRow, loose.length) - 1) * across;
  return new Map(loose.map((n, i) => [n.id, { x: (x1 + x2) / 2 - width / 2 + (i % perRow) * across, y: y2 + down * (1 + Math.floor(i / perRow)) }] as const));
}

/**
 * fcose over `nodes` (their sizes on screen at zoom 1) and `edges`, in the worker: their new
 * positions, by id. Plain data in, so a picture can be laid out before Cytoscape holds it. A
 * node no link holds is not given to fcose, which, with nothing to pull it, left it on another
 * at its centre (惠州 and 江门 over 广州 in the start view): it goes in a row under the rest.
 */
export async function forceLayout(
  nodes: LayoutRequest['nodes'],
  edges: LayoutRequest['edges'],
  options: Record<string, unknown>,
): Promise<Map<string, Position>> {
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const held = nodes.filter((n) => linked.has(n.id));
  const laidOut = held.length > 1 ? await inWorker(held, edges, options) : new Map(held.map((n) => [n.id, { x: 0, y: 0 }] as const));
  return new Map([
    ...laidOut,
    ...inRowsUnder(
      laidOut,
      nodes.filter((n) => !linked.has(n.id)),
    ),
  ]);
}
