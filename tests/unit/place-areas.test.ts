import { describe, expect, it } from 'vitest';
import { fold } from '../../ingest/normalize.ts';
import { placeAreas } from '../../ingest/place-areas.ts';
import { EMPTY_REGISTRY } from '../../ingest/registry.ts';
import { edgesBy, snippetGraph } from '../support/plan.ts';

const areas = (text: string) => placeAreas(fold(text), text).map((c) => c.text);

describe('areas of cities a list names (广州南沙、深圳前海、珠海横琴等)', () => {
  it('takes each item that is a city and a short name after it, past the verb before the list', () => {
    expect(areas('强化东莞松山湖、佛山三龙湾创新功能；支持惠州建设。')).toEqual(['东莞松山湖', '佛山三龙湾']);
    expect(areas('将广州南沙、深圳前海、珠海横琴等平台打造成制度创新联动的有力支撑。')).toEqual(['广州南沙', '深圳前海', '珠海横琴']);
  });

  it('takes no list of cities alone, nor a city with a generic word after it', () => {
    expect(areas('支持广州、深圳、珠海等地建设创新平台。')).toEqual([]);
    expect(areas('推动国家超级计算广州中心、深圳中心扩容升级。')).toEqual([]);
    expect(areas('加强广州地区、深圳地区的科技合作。')).toEqual([]);
  });

  it('takes no lone city and name, which a list does not vouch for (强化东莞松山湖创新功能)', () => {
    expect(areas('强化东莞松山湖创新功能，推动产业发展。')).toEqual([]);
  });

  it('places each area in its city with no registry', () => {
    const graph = snippetGraph('加强与海南自贸港交流合作，将广州南沙、深圳前海、珠海横琴等平台打造成制度创新联动的有力支撑。', EMPTY_REGISTRY);
    expect(edgesBy(graph, 'name-place')).toEqual(expect.arrayContaining(['LOCATED_IN 广州南沙→广州', 'LOCATED_IN 深圳前海→深圳', 'LOCATED_IN 珠海横琴→珠海']));
  });
});
