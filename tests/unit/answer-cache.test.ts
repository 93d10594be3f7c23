import { describe, expect, it } from 'vitest';
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { answerStore, bodyCacheKey, cacheKey, ServedAnswers, type HttpAnswer } from '../../api/answer-cache.ts';

const answer = (chars: number) => ({ data: { text: '鹏'.repeat(chars) } });
const held = async (store: Cache, key: string) => (await store.get(key)) !== null;

describe('the store of cached answers', () => {
  it('gives back what it keeps, until its time is up', async () => {
    const store = answerStore({ totalChars: 10_000, maxChars: 1_000 });
    store.set('a', answer(100), [], 50);
    expect(store.get('a')).toEqual(answer(100));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(store.get('a')).toBeNull();
  });

  it('does not keep an answer larger than an answer may be', async () => {
    const store = answerStore({ totalChars: 10_000, maxChars: 1_000 });
    store.set('big', answer(2_000), [], Infinity);
    expect(await held(store, 'big')).toBe(false);
  });

  it('holds at most its budget of characters, dropping the answers used least recently', async () => {
    const store = answerStore({ totalChars: 10_000, maxChars: 1_000 });
    for (let i = 0; i < 100; i += 1) {
      store.set(`k${i}`, answer(900), [], Infinity);
      store.get('k0'); // k0 stays in use
    }
    const kept: string[] = [];
    for (let i = 0; i < 100; i += 1) if (await held(store, `k${i}`)) kept.push(`k${i}`);
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.length).toBeLessThanOrEqual(10_000 / 900);
    expect(kept).toContain('k0');
    expect(kept).not.toContain('k1');
  });
});

describe('the cache key of a posted question', () => {
  const body = (value: unknown) => Buffer.from(JSON.stringify(value));

  it('is the key the response cache gives the same question, whatever its spacing and comments', () => {
    const key = cacheKey({ documentString: '{ stats { entities } }', variableValues: { a: 1 }, operationName: null, sessionId: 'v7' });
    expect(bodyCacheKey(body({ query: '# how many?\n{\n  stats {\n    entities\n  }\n}', variables: { a: 1 } }), 'v7')).toBe(key);
  });

  it('changes with the graph version and the variables', () => {
    const question = { query: '{ stats { entities } }', variables: { a: 1 } };
    expect(bodyCacheKey(body(question), 'v7')).not.toBe(bodyCacheKey(body(question), 'v8'));
    expect(bodyCacheKey(body(question), 'v7')).not.toBe(bodyCacheKey(body({ ...question, variables: { a: 2 } }), 'v7'));
  });

  it('is none for a body that is not a GraphQL question in JSON', () => {
    expect(bodyCacheKey(Buffer.from('{"query":'), 'v7')).toBeNull();
    expect(bodyCacheKey(body({ query: 42 }), 'v7')).toBeNull();
    expect(bodyCacheKey(body(['{ stats { entities } }']), 'v7')).toBeNull();
  });
});

describe('the answers the HTTP thread serves', () => {
  const reply = (status: number, etag: string | null, bytes = 10): HttpAnswer => ({
    status,
    headers: [['content-type', 'application/json'], ...(etag ? ([['etag', etag]] as [string, string][]) : [])],
    body: new Uint8Array(bytes),
  });

  it('keeps an answer only when the GraphQL thread kept it under the same key', () => {
    const served = new ServedAnswers({ totalBytes: 1_000, maxBytes: 100 }, 60_000);
    served.keep('a', 'key-a', reply(200, 'key-a'));
    served.keep('b', 'key-b', reply(200, null)); // an answer with errors: not kept there, nor here
    served.keep('c', 'key-c', reply(200, 'key-of-another-version'));
    served.keep('d', 'key-d', reply(503, 'key-d'));
    expect(served.get('a')).toEqual(reply(200, 'key-a'));
    expect([served.get('b'), served.get('c'), served.get('d')]).toEqual([undefined, undefined, undefined]);
  });

  it('keeps answers apart by the media type and origin asked for', () => {
    const json = ServedAnswers.slot('k', { accept: 'application/json' });
    expect(json).not.toBe(ServedAnswers.slot('k', { accept: 'application/graphql-response+json' }));
    expect(json).not.toBe(ServedAnswers.slot('k', { accept: 'application/json', origin: 'http://localhost:5173' }));
  });

  it('holds at most its budget of bytes', () => {
    const served = new ServedAnswers({ totalBytes: 1_000, maxBytes: 100 }, 60_000);
    served.keep('big', 'big', reply(200, 'big', 200));
    for (let i = 0; i < 50; i += 1) served.keep(`s${i}`, `s${i}`, reply(200, `s${i}`, 90));
    expect(served.get('big')).toBeUndefined();
    expect(Array.from({ length: 50 }, (_, i) => served.get(`s${i}`)).filter(Boolean).length).toBe(11);
  });
});
