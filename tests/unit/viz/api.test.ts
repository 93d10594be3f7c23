import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askEarly, prefetch, request } from '../../../viz/src/api.ts';

/** The bodies POSTed to /graphql, and a fake server that answers each with its variables. */
let sent: { query: string; variables: Record<string, unknown> }[] = [];

beforeEach(() => {
  sent = [];
  vi.useFakeTimers({ toFake: ['performance'] });
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
    sent.push(body);
    return new Response(JSON.stringify({ data: { asked: body.variables } }), { headers: { 'content-type': 'application/json' } });
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const question = (ids: string[]) => ({ ids, depth: 1, kinds: null, types: null, documents: null });

describe("the explorer's questions asked ahead", () => {
  it('hands a prefetched answer to the request for the same, which asks nothing more', async () => {
    prefetch('neighborhood', question(['shenzhen']));
    expect(sent).toHaveLength(1);
    const answer = await request('neighborhood', question(['shenzhen']));
    expect(answer).toEqual({ asked: question(['shenzhen']) });
    expect(sent).toHaveLength(1);
    // Taken once: the next request asks the server.
    await request('neighborhood', question(['shenzhen']));
    expect(sent).toHaveLength(2);
  });

  it('keeps only the latest prefetch of an operation: the one it replaced is asked again', async () => {
    prefetch('neighborhood', question(['a']));
    prefetch('neighborhood', question(['b']));
    // The same prefetch twice is asked once.
    prefetch('neighborhood', question(['b']));
    expect(sent).toHaveLength(2);
    await request('neighborhood', question(['a']));
    expect(sent).toHaveLength(3);
    await request('neighborhood', question(['b']));
    expect(sent).toHaveLength(3);
  });

  it('does not drop an early question when a prefetch of the same operation follows', async () => {
    askEarly('neighborhood', question(['start']));
    prefetch('neighborhood', question(['x']));
    await request('neighborhood', question(['start']));
    expect(sent).toHaveLength(2);
    await request('neighborhood', question(['x']));
    expect(sent).toHaveLength(2);
  });

  it('asks again when the answer asked ahead is older than half a minute', async () => {
    prefetch('neighborhood', question(['old']));
    vi.advanceTimersByTime(31_000);
    await request('neighborhood', question(['old']));
    expect(sent).toHaveLength(2);
  });
});
