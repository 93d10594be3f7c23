import { describe, expect, it } from 'vitest';
import { exactFirst } from '../../../viz/src/search.ts';
import { DEFAULT_STATE, toQuery } from '../../../viz/src/state.ts';
import { createStore, pictureKey, viewKey } from '../../../viz/src/store.ts';
import type { Entity } from '../../../viz/src/types.ts';
import { entity } from '../../support/explorer-data.ts';

describe('the explorer store', () => {
  it('tells listeners what an action changed', () => {
    const store = createStore(DEFAULT_STATE);
    const heard: string[] = [];
    store.subscribe((state, previous, change) => heard.push(`${previous.view}->${state.view} ${change}`));
    store.actions.openCluster('cluster-advanced-materials');
    store.actions.restore(DEFAULT_STATE);
    expect(heard).toEqual(['start->cluster push', 'cluster->start restore']);
  });

  it('keeps the picture when only the selection changes, and the view when only the expansion does', () => {
    const store = createStore(DEFAULT_STATE);
    const before = store.get();
    store.actions.select('shenzhen');
    expect(pictureKey(store.get())).toBe(pictureKey(before));
    store.actions.expand('shenzhen');
    expect(pictureKey(store.get())).not.toBe(pictureKey(before));
    expect(viewKey(store.get())).toBe(viewKey(before));
  });

  it('selects one thing, an entity, a link or a sentence, and keeps the picture when the link selected changes', () => {
    const store = createStore(DEFAULT_STATE);
    const before = store.get();
    store.actions.select('shenzhen');
    store.actions.selectLink('LOCATED_IN:guangming-science-city->shenzhen');
    expect(store.get()).toMatchObject({ selected: null, link: 'LOCATED_IN:guangming-science-city->shenzhen' });
    expect(pictureKey(store.get())).toBe(pictureKey(before));
    expect(toQuery(store.get())).toBe('?link=LOCATED_IN%3Aguangming-science-city-%3Eshenzhen');
    store.actions.readSentence('guangdong-sti-14th-fyp:s42');
    expect(store.get()).toMatchObject({ selected: null, link: null, sentence: 'guangdong-sti-14th-fyp:s42' });
    expect(pictureKey(store.get())).toBe(pictureKey(before));
    store.actions.select('dongguan');
    expect(store.get()).toMatchObject({ selected: 'dongguan', link: null, sentence: null });
    store.actions.selectLink('LOCATED_IN:guangming-science-city->shenzhen');
    store.actions.openCity('dongguan');
    expect(store.get().link).toBeNull();
  });

  it("drops the other views' subjects on a view switch, so the URL names only what is shown", () => {
    const store = createStore(DEFAULT_STATE);
    store.actions.openCity('dongguan');
    store.actions.openPath('shenzhen', 'dongguan');
    store.actions.openCluster('cluster-biomedicine-health');
    expect(toQuery(store.get())).toBe('?view=cluster&cluster=cluster-biomedicine-health');
  });

  it('forgets a removed entity when search finds it again', () => {
    const store = createStore(DEFAULT_STATE);
    store.actions.remove('shenzhen');
    expect(store.removed().has('shenzhen')).toBe(true);
    store.actions.find('shenzhen');
    expect(store.removed().has('shenzhen')).toBe(false);
    expect(store.get().selected).toBe('shenzhen');
  });
});

describe('search order', () => {
  const hit = (id: string, name: string, aliases: string[] = []): Entity & { aliases: string[] } => ({ ...entity(id, 'Lab', { name }), aliases });

  it('puts the entity named exactly as typed first', () => {
    const hits = [hit('p4', '鹏城实验室P4实验室'), hit('pengcheng', '鹏城实验室')];
    expect(exactFirst('鹏城实验室', hits).map((h) => h.id)).toEqual(['pengcheng', 'p4']);
  });

  it('counts an alias as an exact name', () => {
    expect(exactFirst('SSLab', [hit('x', '某实验室'), hit('songshan', '松山湖材料实验室', ['SSLab'])])[0]!.id).toBe('songshan');
  });
});
