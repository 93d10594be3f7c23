// The HTTP edge under attack, against the API in a process of its own: malformed
// paths, over-limit chunked bodies, cost bombs, deep variables, slow clients, a full
// connection pool, cross-site posts, foreign Host names, standard introspection.
// While each runs, /health is asked every 200 ms and the process's RSS is read, from
// a process of its own.
import net from 'node:net';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getIntrospectionQuery } from 'graphql';
import { HTTP_LIMITS } from '../../api/server.ts';
import type { ApiProcess } from './api-process.ts';
import type { PollerSetup, Seen } from './health-poller.ts';
import { LEAKS } from '../support/hostile-strings.ts';
import type { Row } from './report.ts';

interface Answer {
  status: number;
  body: string;
  ms: number;
  headers: Headers | null;
}

/** One request on a socket of its own, written byte for byte as given: fetch would normalise the path. */
function raw(port: number, request: Buffer, timeoutMs = 10_000): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.\d (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4), ms: performance.now() - started, headers: null });
    };
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', () => {});
    socket.write(request);
  });
}

/** How long after a burst /ready may take to say ready again: it gives Neo4j 2 s to answer, and a busy host's Neo4j may take that long once. */
const READY_AGAIN_MS = 5000;

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const body = await response.text();
    return { status: response.status, body, ms: performance.now() - started, headers: response.headers };
  } catch (error) {
    return { status: 0, body: String(error), ms: performance.now() - started, headers: null };
  }
}

const json = (query: string, variables?: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

/** Polls /health and reads the API's RSS while an attack runs, from a process of its own (health-poller.ts). */
class Monitor {
  private readonly poller: ChildProcess;
  private readonly seen: Promise<Seen>;

  constructor(api: ApiProcess, base: string) {
    const setup: PollerSetup = { url: `${base}/health`, pid: api.child.pid! };
    this.poller = fork(fileURLToPath(new URL('./health-poller.ts', import.meta.url)), [JSON.stringify(setup)], {
      execArgv: ['--import', 'tsx'],
    });
    this.seen = new Promise((resolve, reject) => {
      this.poller.once('message', (seen) => resolve(seen as Seen));
      this.poller.once('exit', (code) => reject(new Error(`the /health poller exited (${code}) before it reported`)));
    });
  }

  async stop(): Promise<{ healthMax: number; healthFailures: number; rssMax: number }> {
    this.poller.send('stop');
    const seen = await this.seen;
    return { healthMax: Math.max(0, ...seen.health), healthFailures: seen.failures, rssMax: Math.max(0, ...seen.rss) };
  }
}

interface Attack {
  name: string;
  tried: string;
  /** problems found; empty when every answer was as it should be */
  run(): Promise<{ problems: string[]; figure: string }>;
  /** the attack fills every connection slot on purpose: /health cannot get in while it runs */
  blocksHealth?: boolean;
}

const codeOf = (body: string) => (JSON.parse(body) as { errors?: { extensions?: { code?: string; limit?: string } }[] }).errors?.[0]?.extensions;

function leaks(answers: Answer[]): string[] {
  return answers.filter((a) => LEAKS.test(a.body)).map((a) => `leak: ${a.body.slice(0, 160)}`);
}

export async function edgeScenarios(api: ApiProcess, size: { slowClients: number; poolBurst: number }): Promise<Row[]> {
  const base = api.url.replace(/\/graphql$/, '');
  const port = Number(new URL(base).port);
  const graphql = `${base}/graphql`;
  const ids = (
    JSON.parse((await send(graphql, json('{ entities(first: 50) { edges { node { id } } } }'))).body) as {
      data: { entities: { edges: { node: { id: string } }[] } };
    }
  ).data.entities.edges.map((e) => e.node.id);

  const attacks: Attack[] = [
    {
      name: 'malformed paths',
      tried: '/%ff, //, overlong UTF-8, %00, raw bytes, __proto__ exports, dot segments',
      run: async () => {
        const targets = [
          '/%ff',
          '//',
          '///x',
          '/%c0%af',
          '/%e0%80%af',
          '/%00',
          '/%',
          '/export/__proto__',
          '/export/constructor',
          '/..%2f..%2fpackage.json',
          '/graphql/%ff',
          '/?%ff=%ff',
        ];
        const answers = await Promise.all(
          targets.map((t) => raw(port, Buffer.from(`GET ${t} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1'))),
        );
        answers.push(
          await raw(
            port,
            Buffer.concat([Buffer.from('GET /'), Buffer.from([0xc0, 0xaf, 0xff]), Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')]),
          ),
        );
        const problems = answers.flatMap((a, i) =>
          a.status === 0 || a.status >= 500 ? [`${targets[i] ?? 'raw bytes'}: ${a.status || 'no answer'} ${a.body.slice(0, 100)}`] : [],
        );
        return { problems: [...problems, ...leaks(answers)], figure: `answers ${[...new Set(answers.map((a) => a.status))].sort().join('/')}` };
      },
    },
    {
      name: 'bodies over the limit',
      tried: '5 MiB chunked, 5 MiB with content-length',
      run: async () => {
        const stream = () =>
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (let i = 0; i < 50; i += 1) controller.enqueue(new Uint8Array(100 * 1024).fill(0x20));
              controller.close();
            },
          });
        const chunked = await send(graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream(), duplex: 'half' } as RequestInit);
        const sized = await send(graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ' '.repeat(5 * 2 ** 20) });
        const problems = [chunked, sized].filter((a) => a.status !== 413).map((a) => `answered ${a.status}: ${a.body.slice(0, 100)}`);
        return { problems, figure: `413 in ${Math.max(chunked.ms, sized.ms).toFixed(0)} ms at most` };
      },
    },
    {
      name: 'cost bombs',
      tried: 'aliases × lists × nested section text; nested neighbours of 50 hubs; variables',
      run: async () => {
        const bombs = [
          json(
            `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: entities(first: 100) { edges { node { mentions { document { sections { text } } } } } }`).join(' ')} }`,
          ),
          json(
            `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: entities(first: 100) { edges { node { mentions { document { sections { text } } } } } }`).join(' ')} }`,
          ),
          json(
            'query ($ids: [ID!]!) { neighborhood(ids: $ids, depth: 3) { nodes { neighbors { entity { neighbors { entity { neighbors { entity { id } } } } } } } } }',
            { ids },
          ),
          json('query ($n: Int) { entities(first: $n) { edges { node { mentions(first: 50) { document { sections { children { text } } } } } } } }', {
            n: 100,
          }),
          json(
            `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: neighborhood(ids: ${JSON.stringify(ids)}, depth: 3, limit: 500) { nodes { id name } edges { id evidence { quote } } }`).join(' ')} }`,
          ),
        ];
        const answers: Answer[] = [];
        for (const bomb of bombs) answers.push(await send(graphql, bomb));
        const problems = answers.flatMap((a, i) => {
          const ext = a.status === 200 || a.status === 400 ? codeOf(a.body) : undefined;
          return ext?.code === 'BAD_USER_INPUT' && ext.limit ? [] : [`bomb ${i + 1}: ${a.status} ${a.body.slice(0, 120)}`];
        });
        const slowest = Math.max(...answers.map((a) => a.ms));
        if (slowest > 1000) problems.push(`a bomb took ${slowest.toFixed(0)} ms to refuse`);
        return { problems: [...problems, ...leaks(answers)], figure: `BAD_USER_INPUT naming the limit in ≤ ${slowest.toFixed(0)} ms (target < 100 ms)` };
      },
    },
    {
      name: 'deep variables',
      tried: 'variables nested 40 000 deep, POST and GET',
      run: async () => {
        const nest = (depth: number) => `{"query":"{ stats { documents } }","variables":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
        const post = await send(graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nest(40_000) }); // over the body limit too
        const nested = await send(graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nest(12_000) });
        const get = await send(
          `${graphql}?query=${encodeURIComponent('{ stats { documents } }')}&variables=${encodeURIComponent(`${'['.repeat(5000)}${']'.repeat(5000)}`)}`,
          { headers: { 'x-graphql-yoga-csrf': '1' } },
        );
        const broken = await send(`${graphql}?query=${encodeURIComponent('{ stats { documents } }')}&variables=%7Bbad`, {
          headers: { 'x-graphql-yoga-csrf': '1' },
        });
        const answers = [post, nested, get, broken];
        const problems = answers
          .filter((a) => a.status === 0 || a.status >= 500 || a.body.includes('"data"'))
          .map((a) => `${a.status}: ${a.body.slice(0, 120)}`);
        return { problems: [...problems, ...leaks(answers)], figure: `answers ${answers.map((a) => a.status).join('/')}` };
      },
    },
    {
      name: 'slow clients',
      tried: `${size.slowClients} sockets sending a header byte a second`,
      run: async () => {
        const started = performance.now();
        const closedAfter: number[] = [];
        await Promise.all(
          Array.from(
            { length: size.slowClients },
            () =>
              new Promise<void>((resolve) => {
                const socket = net.connect(port, '127.0.0.1');
                let timer: NodeJS.Timeout | undefined;
                socket.on('connect', () => {
                  socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
                  timer = setInterval(() => socket.write('a'), 1000);
                });
                socket.on('error', () => {});
                socket.on('close', () => {
                  clearInterval(timer);
                  closedAfter.push(performance.now() - started);
                  resolve();
                });
                setTimeout(() => socket.destroy(), 60_000); // the bound we check is far below this
              }),
          ),
        );
        const slowest = Math.max(...closedAfter);
        const bound = HTTP_LIMITS.headersTimeoutMs + 2 * HTTP_LIMITS.checkIntervalMs + 3000;
        return {
          problems: slowest > bound ? [`a slow client was held ${slowest.toFixed(0)} ms (bound ${bound} ms)`] : [],
          figure: `all cut off after ≤ ${(slowest / 1000).toFixed(1)} s (header time-out ${HTTP_LIMITS.headersTimeoutMs / 1000} s)`,
        };
      },
    },
    {
      name: 'slow bodies',
      tried: `${HTTP_LIMITS.inFlight + 16} sockets sending a GraphQL body a byte a second, 20 honest questions meanwhile`,
      run: async () => {
        const sockets = Array.from({ length: HTTP_LIMITS.inFlight + 16 }, () => {
          const socket = net.connect(port, '127.0.0.1');
          let timer: NodeJS.Timeout | undefined;
          socket.on('connect', () => {
            socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
            timer = setInterval(() => socket.write(' '), 1000);
          });
          socket.on('error', () => {});
          socket.on('close', () => clearInterval(timer));
          return socket;
        });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const answers: Answer[] = [];
        for (let i = 0; i < 20; i += 1) answers.push(await send(graphql, json(`{ search(text: "实验室${i}", first: 3) { entity { id } } }`)));
        for (const socket of sockets) socket.destroy();
        const problems = answers
          .filter((a) => a.status !== 200 || !a.body.includes('"data"'))
          .map((a) => `honest question answered ${a.status}: ${a.body.slice(0, 100)}`);
        return { problems, figure: `honest questions answered 200 in ≤ ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms` };
      },
    },
    {
      name: 'connections over the cap',
      tried: `${HTTP_LIMITS.connections + 64} idle sockets at once`,
      blocksHealth: true,
      run: async () => {
        const sockets: net.Socket[] = [];
        let closedEarly = 0;
        await Promise.all(
          Array.from(
            { length: HTTP_LIMITS.connections + 64 },
            () =>
              new Promise<void>((resolve) => {
                const socket = net.connect(port, '127.0.0.1', () => resolve());
                socket.on('error', () => resolve());
                socket.on('close', () => (closedEarly += 1));
                sockets.push(socket);
              }),
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const refused = closedEarly;
        for (const s of sockets) s.destroy();
        await new Promise((resolve) => setTimeout(resolve, 500));
        const after = await send(`${base}/health`);
        const problems = [
          ...(refused < 64 ? [`only ${refused} of the 64 sockets over the cap were closed`] : []),
          ...(after.status === 200 ? [] : [`/health after: ${after.status}`]),
        ];
        return { problems, figure: `${refused} closed at once (cap ${HTTP_LIMITS.connections}); /health after: ${after.status}` };
      },
    },
    {
      name: 'connection pool exhausted',
      tried: `${size.poolBurst} uncached neighbour-of-neighbour questions at once`,
      run: async () => {
        const burst = await Promise.all(
          Array.from({ length: size.poolBurst }, (_, i) =>
            send(
              graphql,
              json(
                `query ($id: ID!) { entity(id: $id) { neighbors(first: 50) { entity { neighbors(first: 20) { entity { id } } mentions(first: ${1 + (i % 40)}) { quote } } } } }`,
                { id: ids[i % ids.length] },
              ),
            ),
          ),
        );
        const counts = new Map<string, number>();
        const problems: string[] = [];
        for (const a of burst) {
          const code = a.status === 0 ? 'NO_ANSWER' : a.body.includes('"errors"') ? String(codeOf(a.body)?.code) : 'data';
          counts.set(code, (counts.get(code) ?? 0) + 1);
          if (code === 'OVERLOADED' && (a.status !== 503 || !a.headers?.get('retry-after')))
            problems.push(`OVERLOADED without 503 and Retry-After: ${a.status}`);
          if (!['data', 'OVERLOADED', 'TIMEOUT'].includes(code)) problems.push(`${code}: ${a.status} ${a.body.slice(0, 120)}`);
        }
        // Ready again soon after, as a load balancer asking again would find it: right after the
        // burst, /ready once said 503, Neo4j taking over its 2 s on a busy host, while a question
        // asked next was answered.
        const burstEnded = performance.now();
        let ready = await send(`${base}/ready`);
        while (ready.status !== 200 && performance.now() - burstEnded < READY_AGAIN_MS) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          ready = await send(`${base}/ready`);
        }
        const readyAfter = performance.now() - burstEnded;
        if (ready.status !== 200) problems.push(`/ready after ${(readyAfter / 1000).toFixed(1)} s: ${ready.status}`);
        const again = await send(graphql, json('{ stats { entities } }'));
        if (again.status !== 200 || again.body.includes('"errors"')) problems.push(`a question after the burst: ${again.status} ${again.body.slice(0, 100)}`);
        return {
          problems: [...problems.slice(0, 5), ...leaks(burst)],
          figure: `${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}; /ready ${ready.status} after ${readyAfter.toFixed(0)} ms`,
        };
      },
    },
    {
      name: 'cross-site posts',
      tried: 'form, multipart and text/plain POSTs, a GET without a preflight header',
      run: async () => {
        const form = new FormData();
        form.set('operations', JSON.stringify({ query: '{ stats { documents } }' }));
        const answers = [
          await send(graphql, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'query=%7B%20stats%20%7B%20documents%20%7D%20%7D',
          }),
          await send(graphql, { method: 'POST', body: form }),
          await send(graphql, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ stats { documents } }' }) }),
          await send(`${graphql}?query=${encodeURIComponent('{ stats { documents } }')}`),
        ];
        const problems = answers.filter((a) => a.status !== 403).map((a) => `answered ${a.status}: ${a.body.slice(0, 100)}`);
        return { problems, figure: `answers ${answers.map((a) => a.status).join('/')}` };
      },
    },
    {
      name: 'foreign Host',
      tried: 'a rebound DNS name, a look-alike, no Host at all',
      run: async () => {
        const hosts = ['rebound.example.com', 'localhost.example.com', `127.0.0.1.nip.io:${port}`];
        const answers = await Promise.all(
          hosts.map((h) =>
            raw(
              port,
              Buffer.from(`GET /graphql?query=%7Bstats%7Bdocuments%7D%7D HTTP/1.1\r\nHost: ${h}\r\nX-Graphql-Yoga-Csrf: 1\r\nConnection: close\r\n\r\n`),
            ),
          ),
        );
        answers.push(await raw(port, Buffer.from('GET /health HTTP/1.0\r\n\r\n')));
        const problems = answers.filter((a) => a.status !== 403).map((a) => `answered ${a.status}`);
        return { problems, figure: `answers ${answers.map((a) => a.status).join('/')}` };
      },
    },
    {
      name: 'standard introspection',
      tried: "graphql's getIntrospectionQuery()",
      run: async () => {
        const answer = await send(graphql, json(getIntrospectionQuery()));
        const ok = answer.status === 200 && !answer.body.includes('"errors"') && answer.body.includes('"__schema"');
        return {
          problems: ok ? [] : [`${answer.status}: ${answer.body.slice(0, 160)}`],
          figure: `${answer.status}, ${(answer.body.length / 1024).toFixed(0)} KiB schema`,
        };
      },
    },
  ];

  const rows: Row[] = [];
  const health: number[] = [];
  const rss: number[] = [];
  let healthFailures = 0;
  for (const attack of attacks) {
    const monitor = attack.blocksHealth ? null : new Monitor(api, base);
    const { problems, figure } = await attack.run();
    const seen = await monitor?.stop();
    if (seen) {
      health.push(seen.healthMax);
      rss.push(seen.rssMax);
      healthFailures += seen.healthFailures;
    }
    const alive = api.alive();
    if (!alive) problems.push('the process died');
    rows.push({
      scenario: `edge: ${attack.name}`,
      tried: attack.tried,
      failures: problems.length,
      figure: `${figure}${seen ? `; /health ≤ ${seen.healthMax.toFixed(0)} ms` : ''}`,
      kind: 'check',
      ok: problems.length === 0,
      detail: problems.slice(0, 5),
    });
    if (!alive) break;
  }
  const healthMax = Math.max(0, ...health);
  const rssMax = Math.max(0, ...rss);
  rows.push({
    scenario: 'edge: /health during the attacks',
    tried: `every 200 ms during ${health.length} attacks`,
    failures: healthFailures + Number(healthMax > 200),
    figure: `slowest ${healthMax.toFixed(0)} ms (target ≤ 200 ms), ${healthFailures} not answered 200`,
    kind: 'figure',
    ok: healthFailures === 0 && healthMax <= 200,
  });
  rows.push({
    scenario: 'edge: memory during the attacks',
    tried: `RSS every 200 ms`,
    failures: Number(rssMax >= 1024),
    figure: `RSS at most ${rssMax.toFixed(0)} MiB (target < 1024 MiB)`,
    kind: 'figure',
    ok: rssMax < 1024,
  });
  return rows;
}
