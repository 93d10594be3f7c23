import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../ingest/pipeline.ts';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import { PLAN_PATH, planBytes, planGraph } from '../support/plan.ts';

// Kinds whose names end in a telling suffix; cities, fields and indicators have none.
const DISCOVERABLE = ['Lab', 'ScienceCity', 'Zone', 'Corridor', 'Facility', 'InnovationCenter', 'Institution', 'IndustryCluster', 'Program'];
const unquoted = (name: string) => name.replace(/[“”]/g, '');

describe('discovery alone (--registry none)', () => {
  const alone = buildGraph({ source: PLAN_PATH, bytes: planBytes(), registry: EMPTY_REGISTRY, discover: true }).graph;
  const found = new Set(alone.nodes.map((n) => unquoted(n.name)));
  const curated = planGraph().nodes.filter((n) => DISCOVERABLE.includes(n.kind) && n.mentions.length > 0);

  it('finds most of the named entities the registry curates', () => {
    const recalled = curated.filter((n) => [n.name, ...n.aliases].some((spelling) => found.has(unquoted(spelling))));
    expect(recalled.length / curated.length).toBeGreaterThanOrEqual(0.7);
  });

  it('gives every entity it finds a mention and a confidence below that of curated ones', () => {
    for (const node of alone.nodes.filter((n) => n.source === 'discovered')) {
      expect(node.mentions.length).toBeGreaterThan(0);
      expect(node.confidence).toBeLessThan(1);
    }
  });

  it('still reads the indicator table', () => {
    expect(alone.nodes.filter((n) => n.kind === 'Indicator' && n.source === 'table')).toHaveLength(10);
  });
});
