import { describe, expect, it } from 'vitest';
import { warmExplorer, withinBudget, type AskGraphql } from '../../api/warm-explorer.ts';

/** A server that answers each operation (by its name) from `answers`, and records what it was asked. */
function fakeServer(answers: Record<string, unknown>): { ask: AskGraphql; asked: string[] } {
  const asked: string[] = [];
  const ask: AskGraphql = async (body) => {
    const { query, variables } = JSON.parse(body) as { query: string; variables: unknown };
    const name = /query (\w+)/.exec(query)![1]!;
    asked.push(`${name} ${JSON.stringify(variables)}`);
    return { status: 200, json: answers[name] ?? { data: {} } };
  };
  return { ask, asked };
}

const city = (id: string) => ({ node: { id, name: id } });
const GRAPH = {
  Documents: { data: { documents: [{ id: 'plan-a' }, { id: 'plan-b' }] } },
  Cities: { data: { entities: { edges: [city('chaozhou'), city('dongguan')] } } },
  Clusters: { data: { entities: { edges: [{ node: { id: 'cluster-x', name: 'x' } }] } } },
  Entity: { data: { entity: { mentions: [{ section: { id: 's1' } }], neighbors: [{ relation: { id: 'LOCATED_IN:x->chaozhou' } }] } } },
  Neighborhood: { data: { neighborhood: { nodes: [] } } },
};

describe("warming the explorer's questions", () => {
  it('asks each operation with ids from the graph’s own answers', async () => {
    const { ask, asked } = fakeServer(GRAPH);
    const warmed = await warmExplorer(ask);
    expect(warmed.every((w) => w.error === null)).toBe(true);
    expect(asked).toContain('Entity {"id":"chaozhou"}');
    expect(asked).toContain('Paths {"from":"chaozhou","to":"dongguan","onlyCited":false,"documents":null}');
    expect(asked).toContain('Platforms {"cluster":"cluster-x","documents":null}');
    expect(asked).toContain('Section {"id":"s1"}');
    expect(asked).toContain('Sentence {"id":"s1"}');
    expect(asked).toContain('Relation {"id":"LOCATED_IN:x->chaozhou"}');
    expect(asked).toContain('Compare {"a":"plan-a","b":"plan-b"}');
  });

  it("then expands the start view's cities one after another, each beside what the ones before brought", async () => {
    const reached: Record<string, string[]> = { chaozhou: ['chaozhou', 'lab-a'], dongguan: ['dongguan', 'lab-a', 'lab-b'] };
    const asked: string[] = [];
    const ask: AskGraphql = async (body) => {
      const { query, variables } = JSON.parse(body) as { query: string; variables: { ids?: string[] } };
      const name = /query (\w+)/.exec(query)![1]!;
      asked.push(`${name} ${JSON.stringify(variables)}`);
      if (name === 'Neighborhood') return { status: 200, json: { data: { neighborhood: { nodes: reached[variables.ids![0]!]!.map((id) => ({ id })) } } } };
      return { status: 200, json: GRAPH[name as keyof typeof GRAPH] ?? { data: {} } };
    };
    const warmed = await warmExplorer(ask);
    expect(warmed.every((w) => w.error === null)).toBe(true);
    const start = asked.findIndex((a) => a.startsWith('Compare'));
    expect(asked.slice(start + 1)).toEqual([
      'Entity {"id":"chaozhou"}',
      'Neighborhood {"ids":["chaozhou"],"depth":1,"kinds":null,"types":null,"documents":null,"among":null}',
      'Entity {"id":"dongguan"}',
      'Neighborhood {"ids":["dongguan"],"depth":1,"kinds":null,"types":null,"documents":null,"among":["chaozhou","lab-a"]}',
    ]);
    // Told to expand one city, it expands that one alone.
    asked.length = 0;
    await warmExplorer(ask, undefined, 1);
    expect(asked.slice(asked.findIndex((a) => a.startsWith('Compare')) + 1).map((a) => a.split(' ')[0])).toEqual(['Entity', 'Neighborhood']);
  });

  it('stops at the first answer that says Neo4j is not ready, and names its code', async () => {
    const { ask, asked } = fakeServer({
      ...GRAPH,
      Cities: { errors: [{ message: 'the database is unavailable', extensions: { code: 'DATABASE_UNAVAILABLE' } }] },
    });
    const warmed = await warmExplorer(ask);
    expect(asked.map((a) => a.split(' ')[0])).toEqual(['Documents', 'Cities']);
    expect(warmed.at(-1)).toEqual({ operation: 'cities', error: { code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable' } });
  });

  it('goes on past a question that is refused, and reports it', async () => {
    const { ask } = fakeServer({ ...GRAPH, Indicators: { errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] } });
    const warmed = await warmExplorer(ask);
    expect(warmed.filter((w) => w.error).map((w) => w.operation)).toEqual(['indicators']);
    expect(warmed.length).toBeGreaterThan(10);
  });

  it('asks nothing once its budget is spent', async () => {
    const { ask, asked } = fakeServer(GRAPH);
    expect(await warmExplorer(ask, -1)).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('lets the server serve once the budget is spent, however long a question takes', async () => {
    let told = 0;
    const never = new Promise<void>(() => {});
    const started = Date.now();
    await withinBudget(never, 50, () => (told += 1));
    expect(told).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    // A warm-up that ends within its budget says nothing.
    await withinBudget(Promise.resolve(), 50, () => (told += 1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(told).toBe(1);
  });
});
