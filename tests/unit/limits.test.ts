import fs from 'node:fs';
import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';
import { jsonAnswer } from '../../api/answer-cache.ts';
import { boundedAnswer, costOf, jsonDepth, LIMITS } from '../../api/limits.ts';
import { parsedDocuments, schema } from '../../api/yoga.ts';
import { OPERATIONS } from '../../api/explorer-operations.ts';

const cost = (query: string, variables: Record<string, unknown> = {}) => costOf(schema, parse(query), variables);
const readme = fs.readFileSync(`${PROJECT_ROOT}/README.md`, 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

// The documents of the first hostile run, which answered hundreds of megabytes.
const BOMB = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: entities(first: 100) { edges { node { mentions { document { sections { text } } } } } }`).join(' ')} }`;
const HUBS = `query ($ids: [ID!]!) { neighborhood(ids: $ids, depth: 3) { nodes { neighbors { entity { neighbors { entity { neighbors { entity { id } } } } } } } } }`;

describe('the cost of a query', () => {
  it('keeps every question the explorer asks within the limit', () => {
    for (const [name, query] of Object.entries(OPERATIONS)) expect(cost(query, { ids: ['x'], depth: 3 }), name).toBeLessThanOrEqual(LIMITS.cost);
  });

  it('keeps every README example within the limit', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const query of examples) expect(cost(query)).toBeLessThanOrEqual(LIMITS.cost);
  });

  it('puts ten aliases of entities down to section text over the limit', () => {
    expect(cost(BOMB)).toBeGreaterThan(LIMITS.cost);
  });

  it('puts three nested neighbour lists of a neighbourhood over the limit', () => {
    expect(cost(HUBS, { ids: Array.from({ length: 50 }, (_, i) => `e${i}`) })).toBeGreaterThan(LIMITS.cost);
  });

  it('reads list sizes from variables and from argument defaults', () => {
    const query = 'query ($n: Int) { entities(first: $n) { edges { node { id } } } }';
    expect(cost(query, { n: 100 })).toBeGreaterThan(cost(query, { n: 10 }));
    expect(cost(query)).toBe(cost(query, { n: 20 }));
  });

  it('counts introspection as free', () => {
    expect(cost(getIntrospectionQuery())).toBe(0);
  });
});

describe('the depth of variables', () => {
  it('is counted without recursion, so forty thousand levels do not overflow the stack', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}`) as unknown;
    expect(jsonDepth(deep, LIMITS.variablesDepth)).toBeGreaterThan(LIMITS.variablesDepth);
    expect(jsonDepth({ ids: ['a', 'b'] }, LIMITS.variablesDepth)).toBe(2);
  });
});

describe('the parsed documents kept', () => {
  it('keeps every document the explorer sends', () => {
    const kept = parsedDocuments<object>(LIMITS.parsedDocuments);
    for (const query of Object.values(OPERATIONS)) kept.set(query, parse(query));
    for (const [name, query] of Object.entries(OPERATIONS)) expect(kept.get(query), name).toBeDefined();
  });

  it('does not keep a document of the whole body limit, and holds at most its budget of text', () => {
    const kept = parsedDocuments<object>(LIMITS.parsedDocuments);
    const huge = `{ search(text: "${'鹏'.repeat(LIMITS.bodyBytes / 4)}") { score } }`;
    kept.set(huge, parse(huge));
    expect(kept.get(huge)).toBeUndefined();
    for (let i = 0; i < 2000; i += 1) {
      const query = `{ search(text: "${'城'.repeat(2000)}${i}") { score } }`;
      kept.set(query, {});
    }
    expect(kept.calculatedSize).toBeLessThanOrEqual(LIMITS.parsedDocuments.totalText);
    expect(kept.size).toBeGreaterThan(100);
  });
});

describe('the size of an answer', () => {
  const answer = jsonAnswer(200, { data: { search: [{ score: 1, entity: { id: 'shenzhen', name: '深圳' } }] } });

  it('passes an answer within the limit as it is', () => {
    expect(boundedAnswer(answer, answer.body.byteLength)).toBe(answer);
  });

  it('replaces an answer over the limit by an error that names the limit and the bytes, counted in UTF-8', () => {
    const bounded = boundedAnswer(answer, answer.body.byteLength - 1);
    const body = JSON.parse(new TextDecoder().decode(bounded.body)) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'responseBytes' });
    expect(body.errors[0]!.message).toContain(`${answer.body.byteLength} bytes, over the limit of ${answer.body.byteLength - 1}`);
  });
});
