import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, KINDS, RELATION_TYPE_NAMES } from '../../../ingest/model.ts';
import { DASHES, RELATION_STYLES, stylesheet } from '../../../viz/src/style.ts';

type Rule = { selector: string; style: Record<string, unknown> };

describe('the explorer stylesheet', () => {
  it('styles every kind with its colour and shape from ingest/model.ts', () => {
    const rules = stylesheet() as Rule[];
    for (const kind of KINDS) {
      const rule = rules.find((r) => r.selector === `node[kind = "${kind}"]`);
      expect(rule?.style).toMatchObject({ 'background-color': ENTITY_KINDS[kind].color, shape: ENTITY_KINDS[kind].shape });
    }
  });

  it('gives every relation type of ingest/model.ts its own colour and line style', () => {
    const rules = stylesheet() as Rule[];
    const looks = RELATION_TYPE_NAMES.map((type) => {
      const rule = rules.find((r) => r.selector === `edge[type = "${type}"]`);
      expect(rule?.style).toMatchObject({ 'line-color': RELATION_STYLES[type].color });
      // A dotted relation is drawn with the legend's dots, in screen pixels.
      expect(rule?.style['line-dash-pattern'] ?? []).toEqual(RELATION_STYLES[type].line === 'dotted' ? DASHES.dotted : []);
      return `${RELATION_STYLES[type].color} ${RELATION_STYLES[type].line}`;
    });
    expect(new Set(looks).size).toBe(RELATION_TYPE_NAMES.length);
  });

  it('draws dots and dashes the same size on screen at any zoom, as the legend draws them', () => {
    const dotted = RELATION_TYPE_NAMES.find((type) => RELATION_STYLES[type].line === 'dotted')!;
    const pattern = (zoom: number) =>
      (stylesheet(zoom) as Rule[]).find((r) => r.selector === `edge[type = "${dotted}"]`)!.style['line-dash-pattern'] as number[];
    expect(pattern(0.25).map((v) => v * 0.25)).toEqual(pattern(2).map((v) => v * 2));
    expect(pattern(1)).toEqual(DASHES.dotted);
  });

  it('keeps labels the same size on screen at any zoom', () => {
    const size = (zoom: number) => (stylesheet(zoom) as Rule[]).find((r) => r.selector === 'node')!.style['font-size'] as number;
    expect(size(0.5) * 0.5).toBeCloseTo(size(2) * 2);
    expect(size(1)).toBeGreaterThanOrEqual(12);
  });

  it('draws the link selected wider than one pointed at, with a halo, as a selected node has its ring', () => {
    const rules = stylesheet() as Rule[];
    const pointed = rules.find((r) => r.selector === 'edge.hover, edge:selected')!.style;
    const chosen = rules.find((r) => r.selector === 'edge:selected')!.style;
    expect(chosen.width as number).toBeGreaterThan(pointed.width as number);
    expect(chosen['underlay-opacity']).toBeGreaterThan(0);
    // After the rule for a link pointed at, so that it wins.
    expect(rules.indexOf(rules.find((r) => r.selector === 'edge:selected')!)).toBeGreaterThan(
      rules.findIndex((r) => r.selector === 'edge.hover, edge:selected'),
    );
  });

  it('never gives a highlighted node the width meant for a highlighted line', () => {
    const rules = stylesheet() as Rule[];
    for (const rule of rules.filter((r) => r.selector.includes('highlighted') && !r.selector.startsWith('edge'))) expect(rule.style.width).toBeUndefined();
  });
});
