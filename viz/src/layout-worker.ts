// fcose off the main thread: the page sends the nodes (with their sizes and, for an
// expansion, the positions of those that must stay), a headless Cytoscape here lays them
// out, and only the positions go back. The reader can pan, zoom and hover meanwhile.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutReply, LayoutRequest } from './layout.ts';

cytoscape.use(fcose);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges, options } = event.data;
  try {
    const cy = cytoscape({
      headless: true,
      // Sizes matter to fcose (nodes must not overlap): the page's sizes, as data.
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
      elements: [
        ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h }, position: { x: n.x, y: n.y } })),
        ...edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
      ],
    });
    const layout = cy.layout({ name: 'fcose', animate: false, fit: false, ...options } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      const positions = cy.nodes().map((n) => [n.id(), { ...n.position() }] as const);
      const reply: LayoutReply = { id, positions };
      self.postMessage(reply);
      cy.destroy();
    });
    layout.run();
  } catch (error) {
    const reply: LayoutReply = { id, error: error instanceof Error ? error.message : String(error) };
    self.postMessage(reply);
  }
};
