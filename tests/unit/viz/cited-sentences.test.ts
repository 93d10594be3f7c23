import { describe, expect, it } from 'vitest';
import { REGISTRY_IN_NAME_METHOD, REGISTRY_METHOD, UNSTATED_METHOD } from '../../../ingest/types.ts';
import { citedSentences } from '../../../viz/src/panels.ts';

const cite = (quote: string, method: string, section = 's1') => ({ quote, method, document: { id: 'plan' }, section: { id: section } });

describe("a link's sentences as its panel lists them", () => {
  it('opens on the sentence a rule read the link in, then the registry’s by how much each says', () => {
    const listed = citedSentences([
      cite('names one end', UNSTATED_METHOD),
      cite('names one inside the other', REGISTRY_IN_NAME_METHOD),
      cite('names both', REGISTRY_METHOD),
      cite('states it', 'hosted-by'),
    ]);
    expect(listed.map((s) => s.first.quote)).toEqual(['states it', 'names both', 'names one inside the other', 'names one end']);
  });

  it('lists a sentence once with every reading of it, ranked by the reading that says most', () => {
    const listed = citedSentences([cite('curated first', REGISTRY_METHOD), cite('both', REGISTRY_METHOD), cite('both', 'cooperates-with')]);
    expect(listed.map((s) => [s.first.quote, s.methods])).toEqual([
      ['both', [REGISTRY_METHOD, 'cooperates-with']],
      ['curated first', [REGISTRY_METHOD]],
    ]);
  });

  it('keeps the evidence’s own order among sentences that say as much, and tells one sentence in two sections apart', () => {
    const listed = citedSentences([cite('b', 'hosted-by', 's2'), cite('a', 'hosted-by'), cite('b', 'hosted-by', 's3')]);
    expect(listed.map((s) => `${s.first.section.id} ${s.first.quote}`)).toEqual(['s2 b', 's1 a', 's3 b']);
  });
});
