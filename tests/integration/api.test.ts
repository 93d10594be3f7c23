import { beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../graph/executor.ts';
import { graphql } from '../support/api.ts';
import { usePlan } from '../support/loaded.ts';
import { OPERATIONS } from '../../api/explorer-operations.ts';
import { LIMITS } from '../../api/limits.ts';
import { heldAfter, neighbourQuestion, type HeldNeighbours } from '../../viz/src/expansions.ts';
import type { Subgraph } from '../../viz/src/types.ts';

type Named = { id: string; name: string };

describe('GraphQL API over the bundled plan', () => {
  const plan = usePlan();
  let executor: Executor;
  beforeAll(() => {
    executor = plan();
  });

  const search = async (text: string, extra = '') => {
    const { data, errors } = await graphql<{ search: { score: number; entity: Named }[] }>(
      executor,
      `query ($text: String!) { search(text: $text${extra}) { score entity { id name } } }`,
      { text },
    );
    expect(errors).toBeUndefined();
    return data!.search.map((h) => h.entity.name);
  };

  describe('search', () => {
    it('finds 松山湖科学城 in Chinese, before the lab named alike, as the plan links it more', async () => {
      expect((await search('松山湖'))[0]).toBe('松山湖科学城');
    });

    it('finds 松山湖科学城 by pinyin without spaces or tones', async () => {
      expect(await search('songshanhu')).toContain('松山湖科学城');
      expect(await search('Sōng shān hú kē xué chéng')).toEqual(expect.arrayContaining(['松山湖科学城']));
    });

    it('finds the P4 lab first by the P4 in its name, not names whose pinyin starts with p', async () => {
      expect((await search('P4'))[0]).toBe('华南首家 P4 实验室');
    });

    it('finds the Pengcheng cloud brain by its English name', async () => {
      expect(await search('Pengcheng')).toContain('鹏城云脑智能超级算力平台');
    });

    it('finds names spelt like a Latin text no name holds, and says they are only like it', async () => {
      const hits = async (text: string) => {
        const { data, errors } = await graphql<{ search: { match: string; entity: Named }[] }>(
          executor,
          'query ($text: String!) { search(text: $text) { match entity { name } } }',
          { text },
        );
        expect(errors).toBeUndefined();
        return data!.search.map((h) => [h.match, h.entity.name]);
      };
      // a letter missing from an English name; a letter too many, two swapped in pinyin
      expect((await hits('shenzen'))[0]).toEqual(['SIMILAR', '深圳']);
      expect(await hits('songshanhuu')).toContainEqual(['SIMILAR', '松山湖科学城']);
      expect((await hits('guangzhuo'))[0]).toEqual(['SIMILAR', '广州']);
      // The plan names no Pengcheng Lab: what is found shares a word with it, and none holds it.
      const pengcheng = await hits('Pengcheng Lab');
      expect(pengcheng.length).toBeGreaterThan(0);
      expect(pengcheng.filter(([match]) => !['LOOSE', 'SIMILAR'].includes(match!))).toEqual([]);
      // A name that holds the text is no near miss, and brings none.
      expect((await hits('Shenzhen'))[0]).toEqual(['EXACT', '深圳']);
      expect((await hits('songshanhu')).map(([match]) => match)).not.toContain('SIMILAR');
    });

    it('ranks, of names that share only some words with a text, those sharing its rarer words first', async () => {
      // The plan names neither lab: 鹏城 is in one name, 实验室 in some forty.
      expect((await search('鹏城实验室'))[0]).toBe('鹏城云脑智能超级算力平台');
      expect((await search('广州实验室'))[0]).toBe('张江实验室广州基地');
      // A name that holds the text keeps its place.
      expect((await search('松山湖实验室'))[0]).toBe('松山湖实验室');
    });

    it('finds an entity by alias', async () => {
      expect((await search('中科院'))[0]).toBe('中国科学院');
    });

    it('ranks the exact name first', async () => {
      expect((await search('深圳'))[0]).toBe('深圳');
    });

    it('still works with one character', async () => {
      expect(await search('湖')).toContain('松山湖科学城');
    });

    it('filters by kind', async () => {
      const { data } = await graphql<{ search: { entity: { __typename: string } }[] }>(
        executor,
        '{ search(text: "松山湖", kinds: [Lab]) { entity { __typename } } }',
      );
      expect(data!.search.length).toBeGreaterThan(0);
      expect(new Set(data!.search.map((h) => h.entity.__typename))).toEqual(new Set(['Lab']));
    });

    it.each(['") OR 1=1', '*:*', '\\', 'AND OR NOT', '"unterminated', '(((', '}{', 'MATCH (n) DETACH DELETE n'])(
      'answers the hostile text %j cleanly',
      async (text) => {
        const { errors } = await graphql(executor, 'query ($text: String!) { search(text: $text) { entity { id } } }', { text });
        expect(errors).toBeUndefined();
      },
    );
  });

  it('pages through entities with a cursor', async () => {
    const page = async (after: string | null) =>
      (
        await graphql<{ entities: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Named }[] } }>(
          executor,
          'query ($after: String) { entities(kind: Lab, first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }',
          { after },
        )
      ).data!.entities;
    const first = await page(null);
    const second = await page(first.pageInfo.endCursor);
    expect(first.edges).toHaveLength(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.edges[0]!.node.id > first.edges[4]!.node.id).toBe(true);
    expect(first.totalCount).toBeGreaterThanOrEqual(15);
  });

  it('puts 光明科学城 in the neighborhood of 深圳', async () => {
    const { data } = await graphql<{ neighborhood: { nodes: Named[]; edges: { type: string; from: Named; to: Named }[] } }>(
      executor,
      '{ neighborhood(ids: ["shenzhen"], depth: 1) { nodes { id name } edges { type from { id name } to { id name } } } }',
    );
    expect(data!.neighborhood.nodes.map((n) => n.name)).toContain('光明科学城');
    expect(data!.neighborhood.edges).toContainEqual({
      type: 'LOCATED_IN',
      from: { id: 'guangming-science-city', name: '光明科学城' },
      to: { id: 'shenzhen', name: '深圳' },
    });
  });

  it('answers for one more expanded entity among those held, so that merged it is the answer for all', async () => {
    type Answer = { neighborhood: Subgraph };
    const ask = async (ids: string[], among: string[] | null, documents: string[] | null = null) => {
      const { data, errors } = await graphql<Answer>(executor, OPERATIONS.neighborhood, { ids, depth: 1, kinds: null, types: null, documents, among });
      expect(errors).toBeUndefined();
      return data!.neighborhood;
    };
    const expanded = ['dongguan', 'shenzhen', 'guangzhou'];
    let held: HeldNeighbours | null = null;
    const answers: { ids: string[]; answer: Subgraph }[] = [];
    for (let i = 1; i <= expanded.length; i += 1) {
      const question = neighbourQuestion(held, expanded.slice(0, i), null, 0);
      const answer = await ask(question.ids, question.among);
      answers.push({ ids: question.ids, answer });
      held = heldAfter(question, expanded.slice(0, i), null, answer, 0);
    }
    // Each question named the newly expanded entity alone.
    expect(answers.map((a) => a.ids)).toEqual([['dongguan'], ['shenzhen'], ['guangzhou']]);
    const all = heldAfter(neighbourQuestion(null, expanded, null, 0), expanded, null, await ask(expanded, null), 0);
    expect(all.sub.nodes.length).toBeGreaterThan(60);
    expect(held!.sub.nodes.map((n) => n.id)).toEqual(all.sub.nodes.map((n) => n.id));
    expect(held!.sub.edges.map((e) => e.id)).toEqual(all.sub.edges.map((e) => e.id));
    // Some of 广州's links go to entities held that are not its neighbours' own: only `among` brings them.
    const alone = new Set((await ask(['guangzhou'], null)).edges.map((e) => e.id));
    expect(answers[2]!.answer.edges.filter((e) => !alone.has(e.id)).length).toBeGreaterThan(0);
  });

  it('refuses more entities held than the limit allows', async () => {
    const { errors } = await graphql(executor, 'query ($among: [ID!]) { neighborhood(ids: ["shenzhen"], among: $among) { truncated } }', {
      among: Array.from({ length: LIMITS.among + 1 }, (_, i) => `e${i}`),
    });
    expect(errors?.[0]?.message).toMatch(/among may hold at most/);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('finds a path from 深圳 to 松山湖科学城 with evidence on every hop', async () => {
    const { data, errors } = await graphql<{ paths: { length: number; hops: { relation: { evidence: { quote: string; section: { path: string } }[] } }[] }[] }>(
      executor,
      '{ paths(from: "shenzhen", to: "songshan-lake-science-city") { length hops { relation { evidence { quote section { path } } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.paths.length).toBeGreaterThan(0);
    for (const path of data!.paths) {
      expect(path.hops).toHaveLength(path.length);
      for (const hop of path.hops) {
        expect(hop.relation.evidence.length).toBeGreaterThan(0);
        expect(hop.relation.evidence[0]!.quote.length).toBeGreaterThan(0);
      }
    }
  });

  it('marks where each quote names the relation’s ends, from the plan’s own reading of them', async () => {
    type Mark = { start: number; end: number; entity: { id: string } };
    const { data, errors } = await graphql<{
      entity: {
        neighbors: { relation: { type: string; from: { id: string }; to: { id: string }; evidence: { quote: string; method: string; marks: Mark[] }[] } }[];
      };
    }>(
      executor,
      '{ entity(id: "shenzhen") { neighbors(first: 60) { relation { type from { id } to { id } evidence { quote method marks { start end entity { id } } } } } } }',
    );
    expect(errors).toBeUndefined();
    const relations = data!.entity.neighbors.map((n) => n.relation);
    for (const r of relations)
      for (const e of r.evidence) {
        // In order, apart, within the quote, and each of one of the two ends.
        e.marks.forEach((m, i) => {
          expect(m.start).toBeGreaterThanOrEqual(i === 0 ? 0 : e.marks[i - 1]!.end);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(e.quote.length);
          expect([r.from.id, r.to.id]).toContain(m.entity.id);
        });
      }
    // A link read from its sentence has both its ends marked there, by the words that name them.
    const hosted = relations.find((r) => r.type === 'HOSTED_BY' && r.from.id === 'gba-comprehensive-national-science-center')!;
    const read = hosted.evidence.find((e) => e.method === 'hosted-by')!;
    const named = read.marks.map((m) => [m.entity.id, read.quote.slice(m.start, m.end)]);
    expect(named).toEqual(
      expect.arrayContaining([
        ['shenzhen', '深圳'],
        ['gba-comprehensive-national-science-center', expect.stringContaining('综合性国家科学中心')],
      ]),
    );
    // 深 in 广深港科技合作 names 深圳 as a party to the cooperation a rule reads there, and is marked
    // under it; under a curated fact whose quote is said to name one end only (西丽湖 in 深圳), it is
    // not: the panel marked it, beside its own words that the sentence names one end.
    const shortNamed = (r: (typeof relations)[number]) =>
      r.evidence.flatMap((e) => e.marks.filter((m) => m.end - m.start === 1).map((m) => [e.method, e.quote.slice(m.start, m.end)]));
    const cooperation = relations.find((r) => r.type === 'COOPERATES_WITH' && [r.from.id, r.to.id].includes('hong-kong'))!;
    expect(shortNamed(cooperation)).toEqual(expect.arrayContaining([[expect.not.stringMatching(/^registry/), '深']]));
    const xili = relations.find((r) => r.type === 'LOCATED_IN' && r.from.id === 'xili-lake-science-education-city')!;
    expect(xili.evidence.map((e) => e.method)).toEqual(['registry-no-sentence']);
    expect(shortNamed(xili)).toEqual([]);
    expect(xili.evidence[0]!.marks.map((m) => m.entity.id)).toEqual(['xili-lake-science-education-city']);
    for (const r of relations)
      for (const e of r.evidence)
        if (e.method.startsWith('registry'))
          expect(
            e.marks.every((m) => m.end - m.start > 1),
            e.quote,
          ).toBe(true);
  });

  it('marks the end a quote names in its lead, the sentence quoted before the one that states the link', async () => {
    type Mark = { start: number; end: number; entity: { id: string } };
    const { data, errors } = await graphql<{
      entity: { neighbors: { relation: { type: string; to: { id: string }; evidence: { quote: string; marks: Mark[] }[] } }[] };
    }>(
      executor,
      '{ entity(id: "hengqin-cooperation-zone") { neighbors(first: 60) { relation { type to { id } evidence { quote marks { start end entity { id } } } } } } }',
    );
    expect(errors).toBeUndefined();
    const focus = data!.entity.neighbors.find((n) => n.relation.type === 'FOCUSES_ON' && n.relation.to.id === 'field-artificial-intelligence')!.relation;
    const [quote] = focus.evidence.filter((e) => e.quote.startsWith('推进建设横琴粤澳深度合作区。……'));
    const named = quote!.marks.map((m) => [m.entity.id, quote!.quote.slice(m.start, m.end)]);
    // The zone, named only in the lead, and the field, in the sentence after it.
    expect(named).toEqual([
      ['hengqin-cooperation-zone', '横琴粤澳深度合作区'],
      ['field-artificial-intelligence', '人工智能'],
    ]);
  });

  it('keeps only paths whose every hop the text states, with onlyCited', async () => {
    const { data } = await graphql<{ paths: { hops: { relation: { cited: boolean } }[] }[] }>(
      executor,
      '{ paths(from: "shenzhen", to: "songshan-lake-science-city", maxHops: 6, onlyCited: true) { hops { relation { cited } } } }',
    );
    for (const path of data!.paths) for (const hop of path.hops) expect(hop.relation.cited).toBe(true);
  });

  it('lists the materials laboratories among the platforms of the advanced-materials cluster', async () => {
    const { data } = await graphql<{ platformsForCluster: { via: string; platform: Named; through: Named | null; relations: { evidence: unknown[] }[] }[] }>(
      executor,
      '{ platformsForCluster(cluster: "cluster-advanced-materials") { via platform { id name } through { id name } relations { evidence { method } } } }',
    );
    const names = data!.platformsForCluster.map((p) => p.platform.name);
    expect(names).toEqual(expect.arrayContaining(['松山湖实验室', '季华实验室']));
    const jihua = data!.platformsForCluster.find((p) => p.platform.name === '季华实验室')!;
    expect(jihua).toMatchObject({ via: 'FIELD', through: { name: '新材料' } });
    expect(jihua.relations.every((r) => r.evidence.length > 0)).toBe(true);
  });

  it('lists each platform of a cluster once, with all its routes, the direct one first', async () => {
    const { data } = await graphql<{ platformsForCluster: { via: string; platform: Named; routes: { via: string; through: Named | null }[] }[] }>(
      executor,
      '{ platformsForCluster(cluster: "cluster-advanced-materials") { via platform { id name } routes { via through { id name } } } }',
    );
    const rows = data!.platformsForCluster;
    const ids = rows.map((r) => r.platform.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rank = { DIRECT: 0, FIELD: 1, PROGRAM: 2 } as Record<string, number>;
    for (const row of rows) {
      expect(row.via).toBe(row.routes[0]!.via);
      const ranks = row.routes.map((r) => rank[r.via]!);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('offers the program route only through programs that support a few clusters at most', async () => {
    const { data } = await graphql<{ platformsForCluster: { routes: { via: string; through: Named | null }[] }[] }>(
      executor,
      '{ platformsForCluster(cluster: "cluster-advanced-materials", via: [PROGRAM]) { routes { via through { id name } } } }',
    );
    const programs = new Set(data!.platformsForCluster.flatMap((r) => r.routes.filter((x) => x.via === 'PROGRAM').map((x) => x.through!.id)));
    expect(programs.has('box-16-pillar-clusters')).toBe(false);
    expect(programs.has('box-17-emerging-clusters')).toBe(false);
  });

  it('keeps only the platforms reached by the routes asked for', async () => {
    const { data } = await graphql<{ platformsForCluster: { routes: { via: string }[] }[] }>(
      executor,
      '{ platformsForCluster(cluster: "cluster-new-energy", via: [DIRECT]) { routes { via } } }',
    );
    expect(data!.platformsForCluster.length).toBeGreaterThan(0);
    for (const row of data!.platformsForCluster) expect(row.routes.map((r) => r.via)).toContain('DIRECT');
  });

  it('lists the parks that serve the high-end equipment cluster beside its platforms, not among them', async () => {
    type Link = { type: string; from: { id: string }; to: { id: string }; evidence: { quote: string }[] };
    const { data } = await graphql<{
      placesForCluster: { place: Named & { kind: string }; via: string; through: { id: string; name: string } | null; relations: Link[] }[];
      platformsForCluster: { platform: { id: string } }[];
    }>(
      executor,
      `
        {
          placesForCluster(cluster: "cluster-high-end-equipment") {
            place {
              id
              name
              kind
            }
            via
            through {
              id
              name
            }
            relations {
              type
              from {
                id
              }
              to {
                id
              }
              evidence {
                quote
              }
            }
          }
          platformsForCluster(cluster: "cluster-high-end-equipment") {
            platform {
              id
            }
          }
        }
      `,
    );
    const places = data!.placesForCluster;
    // The direct ones first, by name: the order the explorer lists them in.
    const direct = places.filter((p) => p.via === 'DIRECT');
    expect(direct.map((p) => p.place.name)).toEqual(['广东粤海装备技术产业园', '智能制造价值创新园']);
    expect(places.slice(0, 2)).toEqual(direct);
    for (const p of direct) {
      expect(p.place.kind).toBe('Zone');
      expect(p.through).toBeNull();
      expect(p.relations).toHaveLength(1);
      expect(p.relations[0]).toMatchObject({ type: 'SERVES', from: { id: p.place.id }, to: { id: 'cluster-high-end-equipment' } });
      expect(p.relations[0]!.evidence.some((e) => e.quote.includes(p.place.name))).toBe(true);
    }
    // Through the field of its own name, which the plan says 松山湖科学城 focuses on: each link as stored, with its evidence.
    const songshan = places.find((p) => p.place.id === 'songshan-lake-science-city')!;
    expect(songshan).toMatchObject({ via: 'FIELD', through: { name: '高端装备制造' } });
    expect(songshan.relations.map((r) => [r.type, r.from.id, r.to.id])).toEqual([
      ['FOCUSES_ON', 'songshan-lake-science-city', songshan.through!.id],
      ['RELATED_TO', songshan.through!.id, 'cluster-high-end-equipment'],
    ]);
    expect(songshan.relations[0]!.evidence.some((e) => e.quote.includes('松山湖科学城') && e.quote.includes('高端装备制造'))).toBe(true);
    const platforms = new Set(data!.platformsForCluster.map((p) => p.platform.id));
    expect(places.filter((p) => platforms.has(p.place.id))).toEqual([]);
  });

  it('credits a place to a cluster through a field specific to it, not through one related to three clusters', async () => {
    const placesOf = async (cluster: string, via: string[] | null = null) =>
      (
        await graphql<{ placesForCluster: { place: { id: string }; via: string; through: { name: string } | null }[] }>(
          executor,
          'query ($c: ID!, $v: [PlatformVia!]) { placesForCluster(cluster: $c, via: $v) { place { id } via through { name } } }',
          { c: cluster, v: via },
        )
      ).data!.placesForCluster;
    // 集成电路 relates to this cluster alone: 横琴 focuses on it. 信息科学 relates to three clusters: the
    // science cities that focus on it (光明, 南沙) are not credited to each.
    const semiconductors = await placesOf('cluster-semiconductors-ic');
    expect(semiconductors).toContainEqual({ place: { id: 'hengqin-cooperation-zone' }, via: 'FIELD', through: { name: '集成电路' } });
    expect(semiconductors.map((p) => p.through?.name)).not.toContain('信息科学');
    expect(semiconductors.map((p) => p.place.id)).not.toContain('guangming-science-city');
    // 新能源: the two places the plan says focus on it.
    expect((await placesOf('cluster-new-energy')).map((p) => p.place.id).sort()).toEqual(['hengqin-cooperation-zone', 'songshan-lake-science-city']);
    // A route asked for alone: the parks serve directly, 松山湖科学城 through its field; a program's places are not named.
    expect((await placesOf('cluster-high-end-equipment', ['FIELD'])).map((p) => p.place.id)).toEqual(['songshan-lake-science-city']);
    expect(await placesOf('cluster-high-end-equipment', ['PROGRAM'])).toEqual([]);
  });

  it('profiles 湛江 with its bay laboratory', async () => {
    const { data } = await graphql<{ cityProfile: { city: Named; groups: { kind: string; entities: Named[] }[] } }>(
      executor,
      '{ cityProfile(city: "湛江") { city { id name } groups { kind entities { id name } } } }',
    );
    expect(data!.cityProfile.city.id).toBe('zhanjiang');
    expect(data!.cityProfile.groups.find((g) => g.kind === 'Lab')?.entities.map((e) => e.name)).toContain('湛江湾实验室');
  });

  it('serves the indicators: R&D/GDP from 3.14 to 3.5', async () => {
    const { data } = await graphql<{ indicators: { name: string; baseline: number; target: number; unit: string }[] }>(
      executor,
      '{ indicators { name ... on Indicator { baseline target unit } } }',
    );
    expect(data!.indicators).toHaveLength(10);
    expect(data!.indicators).toContainEqual({ name: 'R&D/GDP', baseline: 3.14, target: 3.5, unit: '%' });
  });

  it('serves each indicator’s notes apart from the notes about the whole table, and the old joined note', async () => {
    type Row = { name: string; notes: string[]; tableNotes: string[]; note: string | null };
    const { data } = await graphql<{ indicators: Row[] }>(executor, '{ indicators { name ... on Indicator { notes tableNotes note } } }');
    const row = (name: string) => data!.indicators.find((i) => i.name === name)!;
    expect(row('每万人研发人员全时当量').notes).toEqual([expect.stringContaining('为 2019 年数据')]);
    expect(row('技术合同成交额').notes).toEqual([]);
    for (const i of data!.indicators) expect(i.tableNotes, i.name).toEqual([expect.stringContaining('以上指标均为预期性指标')]);
    expect(row('每万人研发人员全时当量').note).toBe([...row('每万人研发人员全时当量').tableNotes, ...row('每万人研发人员全时当量').notes].join(' '));
  });

  it('serves the notes in English, one for one, where the plan’s glosses render them all', async () => {
    type Row = { name: string; notes: string[]; notesEn: string[]; tableNotesEn: string[] };
    const { data } = await graphql<{ indicators: Row[] }>(executor, '{ indicators { name ... on Indicator { notes notesEn tableNotesEn } } }');
    const row = (name: string) => data!.indicators.find((i) => i.name === name)!;
    expect(row('每万人研发人员全时当量').notesEn).toEqual([expect.stringContaining('is the figure for 2019')]);
    expect(row('技术合同成交额').notesEn).toEqual([]);
    for (const i of data!.indicators) {
      expect(i.notesEn, i.name).toHaveLength(i.notes.length);
      expect(i.tableNotesEn, i.name).toEqual([expect.stringContaining('anticipatory targets')]);
    }
  });

  it('serves one link by its id, as its source entity lists it, and null for an id that names none', async () => {
    const FIELDS = 'id type from { id } to { id } cited evidence { quote method section { id } }';
    type Link = { id: string; type: string; from: { id: string }; to: { id: string } };
    const { data } = await graphql<{ entity: { neighbors: { direction: string; relation: Link }[] } }>(
      executor,
      `{ entity(id: "shenzhen") { neighbors(first: 100) { direction relation { ${FIELDS} } } } }`,
    );
    const listed = data!.entity.neighbors.map((n) => n.relation);
    // Links both ways: those it starts and those it ends.
    expect(new Set(data!.entity.neighbors.map((n) => n.direction))).toEqual(new Set(['OUT', 'IN']));
    for (const link of listed) {
      const one = await graphql<{ relation: Link | null }>(executor, `query ($id: ID!) { relation(id: $id) { ${FIELDS} } }`, { id: link.id });
      expect(one.data!.relation, link.id).toEqual(link);
    }
    // Its ends the other way round, a type that is none, an entity that is none, not an id at all.
    const [stored] = listed;
    const reversed = `${stored!.type}:${stored!.to.id}->${stored!.from.id}`;
    for (const id of [reversed, `NO_SUCH_TYPE:${stored!.from.id}->${stored!.to.id}`, `${stored!.type}:nobody->${stored!.to.id}`, 'garbage', '']) {
      const none = await graphql<{ relation: Link | null }>(executor, 'query ($id: ID!) { relation(id: $id) { id } }', { id });
      expect(none.errors, id).toBeUndefined();
      expect(none.data!.relation, id).toBeNull();
    }
  });

  it('serves where each indicator’s table stands and its row as the plan writes it', async () => {
    type Row = {
      name: string;
      row: number;
      table: { kind: string; path: string; text: string } | null;
      tableRow: { quote: string; start: number; end: number } | null;
    };
    const { data } = await graphql<{ indicators: Row[] }>(
      executor,
      '{ indicators { name ... on Indicator { row table { kind path text } tableRow { quote start end } } } }',
    );
    for (const i of data!.indicators) {
      expect(i.table, i.name).toMatchObject({ kind: 'box', path: expect.stringContaining('专栏 1 “十四五”时期广东科技创新核心指标') });
      // The row is the table's line that names it, numbered as in the table.
      expect(i.tableRow!.quote.startsWith(`${i.row} ${i.name}`), i.tableRow!.quote).toBe(true);
      expect(i.table!.text).toContain(i.tableRow!.quote);
    }
  });

  it('gives a document its section tree and a section its text', async () => {
    const { data } = await graphql<{ documents: { id: string; sections: { kind: string; children: { id: string; text: string }[] }[] }[] }>(
      executor,
      '{ documents { id sections { kind children { id text } } } }',
    );
    const chapters = data!.documents[0]!.sections.filter((s) => s.kind === 'chapter');
    expect(chapters).toHaveLength(9);
    const sectionId = chapters[1]!.children.at(-1)!.id;
    const { data: one } = await graphql<{ section: { text: string; parent: { kind: string }; document: { id: string } } }>(
      executor,
      'query ($id: ID!) { section(id: $id) { text parent { kind } document { id } } }',
      { id: sectionId },
    );
    expect(one!.section.parent.kind).toBe('chapter');
    expect(one!.section.text.length).toBeGreaterThan(100);
  });

  describe('stats', () => {
    const STATS = '{ stats { entities relations byKind { kind count } byType { type count } } }';
    type Stats = { entities: number; relations: number; byKind: { kind: string; count: number }[]; byType: { type: string; count: number }[] };

    it("counts only the model's kinds and relation types when someone adds a label and a link of their own in Neo4j", async () => {
      const before = await graphql<{ stats: Stats }>(executor, STATS);
      expect(before.errors).toBeUndefined();
      await executor.write(`MATCH (a:Entity {id: 'shenzhen'}), (b:Entity {id: 'guangzhou'}) SET a:Reviewed CREATE (a)-[:NOTED_BY_HAND]->(b)`);
      try {
        const after = await graphql<{ stats: Stats }>(executor, STATS);
        expect(after.errors).toBeUndefined();
        expect(after.data!.stats).toEqual(before.data!.stats);
      } finally {
        await executor.write(`MATCH (a:Entity {id: 'shenzhen'})-[r:NOTED_BY_HAND]->() DELETE r REMOVE a:Reviewed`);
      }
    });
  });

  describe('errors', () => {
    it.each([
      ['an unknown entity in a neighborhood', '{ neighborhood(ids: ["no-such-thing"]) { truncated } }', 'NOT_FOUND'],
      ['an unknown path end', '{ paths(from: "shenzhen", to: "no-such-thing") { length } }', 'NOT_FOUND'],
      ['a cluster id that is not a cluster', '{ platformsForCluster(cluster: "shenzhen") { via } }', 'NOT_FOUND'],
      ['places of a cluster id that is not a cluster', '{ placesForCluster(cluster: "shenzhen") { place { id } } }', 'NOT_FOUND'],
      ['an unknown city', '{ cityProfile(city: "Atlantis") { groups { kind } } }', 'NOT_FOUND'],
      ['depth over 3', '{ neighborhood(ids: ["shenzhen"], depth: 4) { truncated } }', 'BAD_USER_INPUT'],
      ['maxHops over 6', '{ paths(from: "shenzhen", to: "guangzhou", maxHops: 7) { length } }', 'BAD_USER_INPUT'],
      ['first over the cap', '{ search(text: "湖", first: 1000) { score } }', 'BAD_USER_INPUT'],
      ['an empty search', '{ search(text: "   ") { score } }', 'BAD_USER_INPUT'],
      ['a huge search text', `{ search(text: "${'湖'.repeat(500)}") { score } }`, 'BAD_USER_INPUT'],
      ['a forged cursor', '{ entities(after: "bm9wZQ") { totalCount } }', 'BAD_USER_INPUT'],
    ])('answers %s with a clean %s', async (_, query, code) => {
      const { data, errors } = await graphql(executor, query);
      expect(data?.[Object.keys(data ?? {})[0] ?? ''] ?? null).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe(code);
      expect(JSON.stringify(errors)).not.toMatch(/at .*\.ts|MATCH|Neo4j/);
    });

    it('refuses a query nested deeper than the limit, saying which limit', async () => {
      const deep = `{ entity(id: "shenzhen") { ${'neighbors { entity { '.repeat(6)}id${' } }'.repeat(6)} } }`;
      const { errors } = await graphql(executor, deep);
      expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'queryDepth' } });
    });

    it('refuses an alias bomb', async () => {
      const bomb = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: stats { documents }`).join(' ')} }`;
      const { errors } = await graphql(executor, bomb);
      expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'aliases' } });
    });

    it('refuses a document over the token limit', async () => {
      const long = `{ stats { ${'documents '.repeat(3000)} } }`;
      const { errors } = await graphql(executor, long);
      expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'tokens' } });
    });
  });

  describe('cost', () => {
    const NESTED = `query ($first: Int!) { entities(first: $first) { edges { node { name city { name }
      mentions(first: 2) { quote section { path } document { title } }
      neighbors(first: 5) { direction entity { name city { name } } relation { type from { name } to { name } evidence { quote section { path } document { title } } } } } } } }`;

    it('costs a bounded number of round trips however many entities it returns (no N+1)', async () => {
      const cost = async (first: number) => {
        const before = executor.queryCount;
        const { data, errors } = await graphql<{ entities: { edges: unknown[] } }>(executor, NESTED, { first });
        expect(errors).toBeUndefined();
        expect(data!.entities.edges).toHaveLength(first);
        return executor.queryCount - before;
      };
      // The query nests 6 levels that reach Neo4j (entities, cities, mentions' sections and
      // documents, neighbours, their entities and evidence sections): one batch per level,
      // and a level's batch may split in two when its loads straddle an event-loop turn.
      const BOUND = 12;
      for (const first of [5, 50, 100]) expect(await cost(first), `${first} entities`).toBeLessThanOrEqual(BOUND);
    });
  });
});
