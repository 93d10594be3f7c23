import { describe, expect, it } from 'vitest';
import { REGISTRY_IN_NAME_METHOD, REGISTRY_METHOD, UNSTATED_METHOD } from '../../../ingest/types.ts';
import { NAME_PARENT_METHOD } from '../../../ingest/name-parent.ts';
import { aroundMarks, citedSentences, methodNote, quoting } from '../../../viz/src/panels.ts';

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

describe('what a sentence is said to be to its link', () => {
  it('says a link read from a name alone is read from the name, not from the sentence around it', () => {
    // 国家基因库二期 —属于→ 国家基因库, cited in a sentence that only lists facilities.
    expect(methodNote([NAME_PARENT_METHOD], 'zh')).toBe('由名称读出：一端的名称包含另一端');
    expect(methodNote([NAME_PARENT_METHOD, REGISTRY_IN_NAME_METHOD], 'en')).toBe("read from a name: one end's name holds the other's");
    // A rule that read the sentence itself still says so.
    expect(methodNote([NAME_PARENT_METHOD, 'hosted-by'], 'zh')).toBe('由这段原文读出');
    expect(methodNote(['hosted-by'], 'en')).toBe('read from these words');
  });
});

describe('where a panel of several links quotes a sentence in full', () => {
  const relation = (id: string, ...evidence: ReturnType<typeof cite>[]) => ({ id, evidence: evidence as never[] });
  const key = 'plan s1 the sentence';

  it('quotes it under the link it states, not under an earlier one it names an end of', () => {
    const placed = quoting([relation('located-in', cite('the sentence', UNSTATED_METHOD)), relation('serves', cite('the sentence', 'serves'))]);
    expect(placed.fullUnder.get(key)).toBe('serves');
  });

  it('quotes it under the first of the links it says as much of', () => {
    const placed = quoting([relation('a', cite('the sentence', REGISTRY_METHOD)), relation('b', cite('the sentence', REGISTRY_METHOD))]);
    expect(placed.fullUnder.get(key)).toBe('a');
    expect(placed.shown.size).toBe(0);
  });
});

describe('a folded line of a sentence quoted in full elsewhere', () => {
  const quote = '推动松山湖科学城聚焦新材料、新一代信息技术、新能源、生命科学等领域，建设原始创新高地。';
  /** The line a sentence folds to with `words` marked, and the words its marks then cover. */
  const folded = (sentence: string, words: string[]) => {
    const { text, marks } = aroundMarks(
      sentence,
      words.map((word) => ({ start: sentence.indexOf(word), end: sentence.indexOf(word) + word.length })),
    );
    return { text, marked: marks.map((m) => text.slice(m.start, m.end)) };
  };

  it('shows the words that name its link, a few whole words around each, the rest elided', () => {
    // Before: 推动松山湖科学城聚焦…生命科学等领…, two characters either side, 领域 cut in two.
    expect(folded(quote, ['松山湖科学城', '生命科学'])).toEqual({ text: '推动松山湖科学城聚焦新材料…生命科学等领域…', marked: ['松山湖科学城', '生命科学'] });
  });

  it('shows a name the sentence repeats once, and the words round a one-character name whole', () => {
    const corridor = '依托广州科学城、光明科学城、松山湖科学城、西丽湖国际科教城等重点创新平台，建设“广深港”科技创新走廊，创新广深港科技合作机制和模式。';
    // 深圳 named as 深 in 广深港 (the corridor's own mark holds the first): before, …新广深港科….
    const marks = [
      { start: corridor.indexOf('“广深港”科技创新走廊'), end: corridor.indexOf('“广深港”科技创新走廊') + '“广深港”科技创新走廊'.length },
      { start: corridor.lastIndexOf('深'), end: corridor.lastIndexOf('深') + 1 },
    ];
    expect(aroundMarks(corridor, marks).text).toBe('…建设“广深港”科技创新走廊…创新广深港科技合作…');
    const twice = '加快建设季华实验室等新材料平台，并在新材料研发方面形成具有国际竞争力的新材料创新集群。';
    expect(folded(twice, ['季华实验室', '新材料']).text).toBe('加快建设季华实验室等新材料平台…');
    const at = [...twice.matchAll(/新材料/g)].map((m) => ({ start: m.index!, end: m.index! + 3 }));
    expect(aroundMarks(twice, at).text).toBe('…实验室等新材料平台…');
  });

  it('joins words that stand close, and elides nothing at an end the words reach', () => {
    expect(folded(quote, ['推动', '松山湖科学城', '新材料'])).toEqual({ text: '推动松山湖科学城聚焦新材料…', marked: ['推动', '松山湖科学城', '新材料'] });
  });

  it('cuts at the ellipsis a lead is quoted with, without another', () => {
    const led = '推进建设横琴粤澳深度合作区。……大力发展集成电路、人工智能、物联网等产业。';
    expect(folded(led, ['横琴粤澳深度合作区', '人工智能'])).toEqual({
      text: '推进建设横琴粤澳深度合作区…人工智能…',
      marked: ['横琴粤澳深度合作区', '人工智能'],
    });
  });

  it('stops the words around a name at the marks of a list, and ends at the sentence’s own full stop', () => {
    const listed = '以深圳为主阵地，以光明科学城、松山湖科学城、南沙科学城等为主要承载区打造综合性国家科学中心。';
    // Before: …城、松山湖科学城、南…打造综合性国家…, cut through two other science cities' names.
    expect(folded(listed, ['松山湖科学城', '综合性国家科学中心'])).toEqual({
      text: '…松山湖科学城…承载区打造综合性国家科学中心。',
      marked: ['松山湖科学城', '综合性国家科学中心'],
    });
  });

  it('is the whole quote where nothing is marked', () => {
    expect(aroundMarks(quote, [])).toEqual({ text: quote, marks: [] });
  });
});
