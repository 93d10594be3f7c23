import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, chosen, fileStem, fromQuery, toQuery, type AppState } from '../../../viz/src/state.ts';

describe('explorer state ↔ URL', () => {
  it('puts nothing in the URL for the start view', () => {
    expect(toQuery(DEFAULT_STATE)).toBe('');
    expect(fromQuery('')).toEqual(DEFAULT_STATE);
  });

  it('round-trips every field', () => {
    const state: AppState = {
      view: 'path',
      selected: 'shenzhen',
      link: null,
      sentence: null,
      expanded: ['shenzhen', 'guangming-science-city'],
      city: 'zhanjiang',
      pathFrom: 'shenzhen',
      pathTo: 'songshan-lake-science-city',
      cluster: 'cluster-advanced-materials',
      compareA: 'guangdong-sti-14th-fyp',
      compareB: 'guangdong-sti-14th-fyp-revised',
      documents: ['guangdong-sti-14th-fyp-revised'],
      colorBy: 'document',
      lang: 'en',
      layout: 'force',
      hiddenKinds: ['Program', 'Field'],
      hiddenTypes: ['SUPPORTS'],
      onlyCited: true,
      minConfidence: 0.6,
    };
    expect(fromQuery(toQuery(state))).toEqual(state);
    // A link selected instead of an entity.
    const linked: AppState = { ...state, selected: null, link: 'LOCATED_IN:guangming-science-city->shenzhen' };
    expect(fromQuery(toQuery(linked))).toEqual(linked);
    // A sentence opened instead.
    const read: AppState = { ...state, selected: null, sentence: 'guangdong-sti-14th-fyp:s42' };
    expect(fromQuery(toQuery(read))).toEqual(read);
  });

  it('says whether one thing is chosen for the panel, whichever it is', () => {
    expect(chosen(DEFAULT_STATE)).toBe(false);
    for (const one of [{ selected: 'shenzhen' }, { link: 'LOCATED_IN:guangming-science-city->shenzhen' }, { sentence: 's1' }])
      expect(chosen({ ...DEFAULT_STATE, ...one })).toBe(true);
  });

  it('selects one thing: an entity named beside a link is the one selected', () => {
    expect(fromQuery('?sel=shenzhen&link=LOCATED_IN%3Aguangming-science-city-%3Eshenzhen')).toMatchObject({ selected: 'shenzhen', link: null });
    expect(fromQuery('?link=LOCATED_IN%3Aguangming-science-city-%3Eshenzhen&sentence=s1')).toMatchObject({
      link: 'LOCATED_IN:guangming-science-city->shenzhen',
      sentence: null,
    });
  });

  it('ignores values it does not know instead of failing', () => {
    const state = fromQuery('?view=teleport&layout=spiral&lang=fr&hideKinds=Lab,Dragon&minConf=7&color=rainbow');
    expect(state).toMatchObject({ view: 'start', layout: 'auto', lang: 'zh', hiddenKinds: ['Lab'], minConfidence: 0, colorBy: 'kind' });
  });
});

describe('the name an export is saved under', () => {
  it('names the view and what it is of, the view not twice', () => {
    expect(fileStem({ ...DEFAULT_STATE, view: 'city', city: 'shenzhen' })).toBe('innograph-city-shenzhen');
    expect(fileStem({ ...DEFAULT_STATE, view: 'cluster', cluster: 'cluster-new-energy' })).toBe('innograph-cluster-new-energy');
    expect(fileStem({ ...DEFAULT_STATE, view: 'path', pathFrom: 'dongguan', pathTo: 'shenzhen' })).toBe('innograph-path-dongguan-shenzhen');
    expect(fileStem(DEFAULT_STATE)).toBe('innograph-start');
  });

  it('names what the reader expanded in the view, in the order they expanded it', () => {
    expect(fileStem({ ...DEFAULT_STATE, expanded: ['shenzhen', 'dongguan'] })).toBe('innograph-start-with-shenzhen-dongguan');
    expect(fileStem({ ...DEFAULT_STATE, view: 'city', city: 'shenzhen', expanded: ['guangzhou'] })).toBe('innograph-city-shenzhen-with-guangzhou');
  });
});
