import { describe, expect, it } from 'vitest';
import { KINDS, type EntityKind } from '../../../ingest/model.ts';
import { nodeLook, nodeUnder, type Inside, type LayerNode, type ScreenNode } from '../../../viz/src/layer-nodes.ts';
import { SHAPE_PATHS } from '../../../viz/src/shapes.ts';
import { NODE_BORDERS, stylesheet } from '../../../viz/src/style.ts';

type Rule = { selector: string; style: Record<string, unknown> };
const rules = stylesheet(1) as Rule[];
/** What the rules of one selector set, later rules over earlier ones. */
const rule = (selector: string) => Object.assign({}, ...rules.filter((r) => r.selector === selector).map((r) => r.style)) as Record<string, unknown>;

const node = (kind: EntityKind, more: Partial<LayerNode> = {}): LayerNode => ({
  id: 'a',
  kind,
  discovered: false,
  label: 'a',
  side: 'bottom',
  shift: 0,
  selected: false,
  pointed: false,
  highlight: null,
  pie: null,
  ...more,
});

describe('the nodes of a large view, as its layer draws them', () => {
  it('draws each kind in the colour, shape and size the stylesheet gives it', () => {
    for (const kind of KINDS) {
      const look = nodeLook(node(kind), 1);
      const kindRule = rule(`node[kind = "${kind}"]`);
      expect(look.fill, kind).toBe(kindRule['background-color']);
      expect(look.shape, kind).toBe(kindRule.shape);
      expect(SHAPE_PATHS[look.shape], kind).toMatch(/^M.*Z$/);
      // At zoom 1 the stylesheet's sizes are in screen pixels, as the layer's.
      const size = kind === 'City' ? rule('node[kind = "City"]').width : rule('node').width;
      expect(look.size, kind).toBe(size);
      expect(nodeLook(node(kind), 0.6).size, kind).toBeCloseTo(Number(size) * 0.6);
    }
  });

  it('outlines a discovered and a highlighted node as the stylesheet does, and rings a selected one around its outline', () => {
    const outline = (n: LayerNode) => nodeLook(n, 1).border;
    expect(outline(node('Lab'))).toMatchObject({ width: rule('node')['border-width'], color: rule('node')['border-color'] });
    expect(outline(node('Lab', { discovered: true }))).toMatchObject({
      width: rule('node[source = "discovered"]')['border-width'],
      color: rule('node[source = "discovered"]')['border-color'],
    });
    expect(outline(node('Lab', { discovered: true })).dash.length).toBeGreaterThan(0);
    expect(outline(node('Lab', { highlight: 'highlighted' }))).toMatchObject({ color: rule('node.highlighted')['border-color'] });
    // Selected within a highlight: the highlight's outline, and the selection's ring around it.
    expect(outline(node('Lab', { highlight: 'highlighted', selected: true }))).toMatchObject({ color: rule('node.highlighted')['border-color'] });
    const ring = nodeLook(node('Lab', { highlight: 'highlighted', selected: true }), 1).ring!;
    expect(ring).toMatchObject({
      color: rule('node:selected')['outline-color'],
      width: rule('node:selected')['outline-width'],
      gap: rule('node:selected')['outline-offset'],
    });
    expect(nodeLook(node('Lab'), 1).ring).toBeNull();
    expect(nodeLook(node('Lab', { highlight: 'faded' }), 1).alpha).toBe(rule('.faded').opacity);
    // In the stylesheet too a pointed or selected node is stacked over a highlighted one.
    const index = (selector: string) => rules.findIndex((r) => r.selector === selector);
    expect(index('node.hover, node:selected')).toBeGreaterThan(index('node.highlighted'));
    // The ring leaves a node's own outline as it is: a discovered node stays dashed.
    expect(outline(node('Lab', { discovered: true, selected: true }))).toEqual(NODE_BORDERS.discovered);
  });

  it('stacks nodes as the stylesheet’s z-indices do, and shows a label the declutter pass set aside only when pointed at', () => {
    const z = (n: LayerNode) => nodeLook(n, 1).z;
    expect(z(node('Lab', { side: null }))).toBe(rule('node.quiet')['z-index']);
    expect(z(node('Lab'))).toBe(rule('node')['z-index']);
    expect(z(node('City'))).toBe(rule('node[kind = "City"]')['z-index']);
    expect(z(node('City', { side: null }))).toBe(rule('node.quiet[kind = "City"]')['z-index']);
    expect(z(node('Lab', { highlight: 'highlighted' }))).toBe(rule('node.highlighted')['z-index']);
    expect(z(node('Lab', { pointed: true }))).toBe(rule('node.hover, node:selected')['z-index']);
    expect(nodeLook(node('Lab', { side: null }), 1).label).toBeNull();
    expect(nodeLook(node('Lab', { side: null, pointed: true }), 1).label).toBe(rule('node.hover, node:selected')['text-background-opacity']);
    expect(nodeLook(node('Lab'), 1).label).toBe(rule('node')['text-background-opacity']);
    expect(nodeLook(node('Lab', { label: '' }), 1).label).toBeNull();
  });

  it('finds the node whose shape is under a point, the one drawn over the others first', () => {
    const at = (id: string, kind: EntityKind, x: number, more: Partial<LayerNode> = {}): ScreenNode => {
      const n = node(kind, { id, ...more });
      return { node: n, at: { x, y: 100 }, look: nodeLook(n, 1) };
    };
    // A diamond's shape, in its own units; every other shape fills its box.
    const inside: Inside = (shape, p) => shape !== 'diamond' || Math.abs(p.x) + Math.abs(p.y) <= 1;
    const nodes = [at('city', 'City', 100), at('lab', 'Lab', 112, { side: null }), at('a', 'Facility', 200), at('b', 'Facility', 205)];
    expect(nodeUnder(nodes, { x: 100, y: 100 }, inside)).toBe('city');
    // Where both shapes are, the city's is drawn over the quiet lab's.
    expect(nodeUnder(nodes, { x: 108, y: 100 }, inside)).toBe('city');
    expect(nodeUnder(nodes, { x: 120, y: 100 }, inside)).toBe('lab');
    expect(nodeUnder(nodes, { x: 100, y: 130 }, inside)).toBeNull();
    // Of two alike, the later is drawn over the earlier.
    expect(nodeUnder(nodes, { x: 203, y: 100 }, inside)).toBe('b');
    // A diamond's empty corner is nobody's.
    expect(nodeUnder(nodes, { x: 213, y: 92 }, inside)).toBeNull();
    expect(nodeUnder(nodes, { x: 213, y: 99 }, inside)).toBe('b');
  });
});
