import { describe, expect, it } from 'vitest';
import { stated } from '../../../viz/src/statement.ts';

const relation = (from: string, to: string) => ({ id: `R:${from}->${to}`, from: { id: from }, to: { id: to } });
const ends = [{ id: 'songshan-lake-lab' }, { id: 'dongguan' }, { id: 'cluster' }];

describe('a relation put into words', () => {
  it('names the stored source first when the reader came from the target', () => {
    const [source, target] = stated(relation('songshan-lake-lab', 'dongguan'), [{ id: 'dongguan' }, { id: 'songshan-lake-lab' }]);
    expect([source.id, target.id]).toEqual(['songshan-lake-lab', 'dongguan']);
  });

  it('finds both ends of a route link among several entities (platform, field, cluster)', () => {
    expect(stated(relation('cluster', 'songshan-lake-lab'), ends).map((e) => e.id)).toEqual(['cluster', 'songshan-lake-lab']);
  });

  it('refuses to word a relation whose ends it was not given, rather than guess a direction', () => {
    expect(() => stated(relation('songshan-lake-lab', 'guangzhou'), ends)).toThrow(/guangzhou/);
  });
});
