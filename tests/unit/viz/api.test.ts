import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The bodies POSTed to /graphql, and a fake server that answers each with its variables (or fails, while `failing`). */
let sent: { query: string; variables: Record<string, unknown> }[] = [];
let failing = false;
/** api.ts holds what was asked ahead in module state: each test has a module of its own. */
let api: typeof import('../../../viz/src/api.ts');

beforeEach(async () => {
  sent = [];
  failing = false;
  vi.useFakeTimers({ toFake: ['performance'] });
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as { query: string; variables: Record<string, unknown> };
    sent.push(body);
    const answer = failing ? { errors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT' } }] } : { data: { asked: body.variables } };
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  });
  vi.resetModules();
  api = await import('../../../viz/src/api.ts');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const question = (ids: string[]) => ({ ids, depth: 1, kinds: null, types: null, documents: null });

describe("the explorer's questions asked ahead", () => {
  it('hands a prefetched answer to the request for the same, which asks nothing more', async () => {
    api.prefetch('neighborhood', question(['shenzhen']));
    expect(sent).toHaveLength(1);
    const answer = await api.request('neighborhood', question(['shenzhen']));
    expect(answer).toEqual({ asked: question(['shenzhen']) });
    expect(sent).toHaveLength(1);
    // Taken once: the next request asks the server.
    await api.request('neighborhood', question(['shenzhen']));
    expect(sent).toHaveLength(2);
  });

  it('keeps only the latest prefetch of an operation: the one it replaced is asked again', async () => {
    api.prefetch('neighborhood', question(['a']));
    api.prefetch('neighborhood', question(['b']));
    // The same prefetch twice is asked once.
    api.prefetch('neighborhood', question(['b']));
    expect(sent).toHaveLength(2);
    await api.request('neighborhood', question(['a']));
    expect(sent).toHaveLength(3);
    await api.request('neighborhood', question(['b']));
    expect(sent).toHaveLength(3);
  });

  it('does not drop an early question when a prefetch of the same operation follows', async () => {
    api.askEarly('neighborhood', question(['start']));
    api.prefetch('neighborhood', question(['x']));
    await api.request('neighborhood', question(['start']));
    expect(sent).toHaveLength(2);
    await api.request('neighborhood', question(['x']));
    expect(sent).toHaveLength(2);
  });

  it('asks again when the answer asked ahead is older than half a minute, at the request or at the next prefetch', async () => {
    api.prefetch('neighborhood', question(['old']));
    vi.advanceTimersByTime(31_000);
    api.prefetch('neighborhood', question(['old']));
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(31_000);
    await api.request('neighborhood', question(['old']));
    expect(sent).toHaveLength(3);
  });

  it('forgets a prefetch that failed: the request asks for itself, and gets its answer', async () => {
    failing = true;
    api.prefetch('neighborhood', question(['gone']));
    // Let the failed answer arrive.
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    failing = false;
    await expect(api.request('neighborhood', question(['gone']))).resolves.toEqual({ asked: question(['gone']) });
    expect(sent).toHaveLength(2);
  });
});
