// Generated hostile requests: depth and alias bombs, huge strings, deep and cyclic
// fragments, invalid UTF-8, Lucene and Cypher metacharacters in every string
// argument, wrong types, broken bodies. Seeded, so a failure can be replayed.
import fc from 'fast-check';
import { nastyString } from '../support/hostile-strings.ts';

export interface HostileRequest {
  kind: string;
  /** the hostile text itself: an answer may quote it back ("no entity with id …") without leaking anything */
  echo?: string;
  body: string | Uint8Array;
  contentType?: string;
}

const nasty = nastyString(60);

/** Every root field that takes a string or an ID, with the variable in its place. */
const STRING_ARGUMENTS = [
  'query ($t: String!) { search(text: $t) { entity { id } } }',
  'query ($t: ID!) { entity(id: $t) { id name } }',
  'query ($t: ID!) { neighborhood(ids: [$t]) { truncated } }',
  'query ($t: ID!) { paths(from: "shenzhen", to: $t) { length } }',
  'query ($t: ID!) { paths(from: $t, to: "shenzhen") { length } }',
  'query ($t: ID!) { platformsForCluster(cluster: $t) { via } }',
  'query ($t: ID!) { placesForCluster(cluster: $t) { place { id } } }',
  'query ($t: ID!) { cityProfile(city: $t) { groups { kind } } }',
  'query ($t: ID!) { document(id: $t) { title } }',
  'query ($t: ID!) { section(id: $t) { text } }',
  'query ($t: String) { entities(after: $t) { edges { node { id } } } }',
];

const json = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

const stringArgument = fc
  .record({ query: fc.constantFrom(...STRING_ARGUMENTS), t: nasty })
  .map(({ query, t }) => ({ kind: 'metacharacters', echo: t, body: json(query, { t }) }));

const inlineString = nasty.map((t) => ({ kind: 'metacharacters inline', echo: t, body: json(`{ search(text: ${JSON.stringify(t)}) { entity { id } } }`) }));

const depthBomb = fc.integer({ min: 11, max: 300 }).map((depth) => ({
  kind: 'depth bomb',
  body: json(`{ entity(id: "shenzhen") { ${'neighbors { entity { '.repeat(depth)}id${' } }'.repeat(depth)} } }`),
}));

const aliasBomb = fc.integer({ min: 31, max: 5000 }).map((n) => ({
  kind: 'alias bomb',
  body: json(`{ ${Array.from({ length: n }, (_, i) => `a${i}: neighborhood(ids: ["shenzhen"], depth: 3) { truncated }`).join(' ')} }`),
}));

const hugeString = fc
  .integer({ min: 10_000, max: 2_000_000 })
  .map((n) => ({ kind: 'huge string', body: json('query ($t: String!) { search(text: $t) { entity { id } } }', { t: '松'.repeat(n) }) }));

const fragments = fc.integer({ min: 2, max: 200 }).chain((n) =>
  fc.boolean().map((cyclic) => {
    const defs = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ${i + 1 < n ? `...F${i + 1}` : cyclic ? '...F0' : 'stats { documents }'} }`);
    return { kind: cyclic ? 'cyclic fragments' : 'nested fragments', body: json(`{ ...F0 } ${defs.join(' ')}`) };
  }),
);

const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((junk) => {
  const head = Buffer.from('{"query":"{ search(text: \\"');
  const tail = Buffer.from('\\") { entity { id } } }"}');
  return { kind: 'invalid UTF-8', body: new Uint8Array(Buffer.concat([head, Buffer.from([0xff, 0xfe, 0xc0]), Buffer.from(junk), tail])) };
});

const wrongTypes = fc
  .constantFrom(
    json('{ search(text: 123) { entity { id } } }'),
    json('{ neighborhood(ids: "shenzhen", depth: "two") { truncated } }'),
    json('{ neighborhood(ids: ["shenzhen"], depth: -1) { truncated } }'),
    json('{ neighborhood(ids: ["shenzhen"], depth: 99999999999) { truncated } }'),
    json('{ entities(first: 1e309) { edges { node { id } } } }'),
    json('query ($t: String!) { search(text: $t) { entity { id } } }', { t: { $ne: 1 } }),
    json('query ($t: String!) { search(text: $t) { entity { id } } }', { t: ['a', 'b'] }),
    json('query ($t: ID!) { entity(id: $t) { id } }', null),
    json('{ __schema { types { name } } }'),
    json('mutation { deleteEverything }'),
    json('subscription { stats { documents } }'),
    JSON.stringify({ query: 42 }),
    JSON.stringify({ query: ['{ stats { documents } }'] }),
    JSON.stringify({ query: '{ stats { documents } }', operationName: 'nope' }),
  )
  .map((body) => ({ kind: 'wrong types', body }));

const brokenBody = fc.oneof(
  fc.string({ maxLength: 200 }).map((body) => ({ kind: 'broken body', body })),
  fc.constantFrom('', '{', 'null', '[]', '{"query":', '{"query":"{ stats { documents "}').map((body) => ({ kind: 'broken body', body })),
  fc.constant({ kind: 'wrong content type', body: '{ stats { documents } }', contentType: 'text/plain' }),
);

const HOSTILE = fc.oneof(
  { arbitrary: stringArgument, weight: 10 },
  { arbitrary: inlineString, weight: 3 },
  { arbitrary: depthBomb, weight: 2 },
  { arbitrary: aliasBomb, weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: fragments, weight: 2 },
  { arbitrary: invalidUtf8, weight: 2 },
  { arbitrary: wrongTypes, weight: 3 },
  { arbitrary: brokenBody, weight: 2 },
);

export function hostileRequests(count: number, seed: number): HostileRequest[] {
  return fc.sample(HOSTILE, { numRuns: count, seed }) as HostileRequest[];
}
