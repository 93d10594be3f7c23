import { describe, expect, it } from 'vitest';
import { RELATION_TYPE_NAMES, isSymmetric } from '../../../ingest/model.ts';
import { edgeLook, layerEdges, segmentDistance, type LayerEdge } from '../../../viz/src/layer-edges.ts';
import { stylesheet } from '../../../viz/src/style.ts';

type Rule = { selector: string; style: Record<string, unknown> };

const edge = (type: LayerEdge['type'], cited = true): LayerEdge => ({ id: 'e', source: 'a', target: 'b', type, cited, label: type });

describe('the links of a large view, as its layer draws them', () => {
  it('draws each relation type in the colour, line and arrow the stylesheet gives it', () => {
    const rules = stylesheet(1) as Rule[];
    for (const type of RELATION_TYPE_NAMES) {
      const rule = rules.find((r) => r.selector === `edge[type = "${type}"]`)!.style;
      const look = edgeLook(edge(type), 'plain');
      expect(look.color, type).toBe(rule['line-color']);
      // At zoom 1 the stylesheet's dash pattern is in screen pixels, as the layer's.
      expect(look.dash, type).toEqual(rule['line-style'] === 'dashed' ? rule['line-dash-pattern'] : []);
      expect(look.arrow, type).toBe(isSymmetric(type) ? 'none' : 'filled');
    }
  });

  it('dashes a link only the registry states, with a hollow arrow, as the stylesheet does', () => {
    const curated = (rules: Rule[]) => rules.find((r) => r.selector === 'edge[cited = "no"]')!.style;
    const rule = curated(stylesheet(1) as Rule[]);
    const look = edgeLook(edge('LOCATED_IN', false), 'plain');
    expect(look.dash).toEqual(rule['line-dash-pattern']);
    expect(look.arrow).toBe(rule['target-arrow-fill']);
  });

  it('fades what a highlight leaves out and widens what it names', () => {
    const [plain, faded, highlighted] = (['plain', 'faded', 'highlighted'] as const).map((state) => edgeLook(edge('SERVES'), state));
    expect(faded!.alpha).toBeLessThan(plain!.alpha);
    expect(highlighted!.width).toBeGreaterThan(plain!.width);
  });

  it('takes the links of element definitions, with the plan colour only where the view colours by plan', () => {
    const taken = layerEdges([
      { group: 'nodes', data: { id: 'a' } },
      { group: 'edges', data: { id: 'e1', source: 'a', target: 'b', type: 'SERVES', cited: 'no', label: 'serves', plan: '#123456' }, classes: 'by-document' },
      { group: 'edges', data: { id: 'e2', source: 'a', target: 'b', type: 'SERVES', cited: 'yes', label: 'serves', plan: '#123456' } },
    ]);
    expect(taken).toEqual([
      { id: 'e1', source: 'a', target: 'b', type: 'SERVES', cited: false, plan: '#123456', label: 'serves' },
      { id: 'e2', source: 'a', target: 'b', type: 'SERVES', cited: true, label: 'serves' },
    ]);
  });

  it('measures a point’s distance to a link as to a segment, not to its line', () => {
    const [a, b] = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ];
    expect(segmentDistance({ x: 5, y: 3 }, a, b)).toBeCloseTo(3);
    expect(segmentDistance({ x: 14, y: 3 }, a, b)).toBeCloseTo(5);
    expect(segmentDistance({ x: 2, y: 2 }, a, a)).toBeCloseTo(Math.SQRT2 * 2);
  });
});
