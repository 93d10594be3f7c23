// Aho-Corasick dictionary matching: every registry spelling is found in one linear
// pass over the text, then overlaps are settled leftmost-longest, so that
// 松山湖科学城 is one mention and not 松山湖 plus 科学城.

export interface Match<T> {
  start: number;
  end: number;
  value: T;
}

interface Node {
  next: Map<string, number>;
  fail: number;
  /** patterns ending here: [length, value index] */
  out: [number, number][];
}

export class Matcher<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly values: T[] = [];
  private built = false;

  /** Patterns and text are walked in UTF-16 code units, the unit of every offset in the pipeline. */
  add(pattern: string, value: T): void {
    if (this.built) throw new Error('Matcher.add after the first search');
    if (pattern === '') return;
    let state = 0;
    for (let i = 0; i < pattern.length; i += 1) {
      const char = pattern[i]!;
      let next = this.nodes[state]!.next.get(char);
      if (next === undefined) {
        next = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [] });
        this.nodes[state]!.next.set(char, next);
      }
      state = next;
    }
    this.values.push(value);
    this.nodes[state]!.out.push([pattern.length, this.values.length - 1]);
  }

  private build(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) queue.push(child);
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head]!;
      for (const [char, child] of this.nodes[state]!.next) {
        let fail = this.nodes[state]!.fail;
        while (fail !== 0 && !this.nodes[fail]!.next.has(char)) fail = this.nodes[fail]!.fail;
        const target = this.nodes[fail]!.next.get(char);
        this.nodes[child]!.fail = target !== undefined && target !== child ? target : 0;
        this.nodes[child]!.out.push(...this.nodes[this.nodes[child]!.fail]!.out);
        queue.push(child);
      }
    }
    this.built = true;
  }

  /** Every occurrence of every pattern, overlapping ones included. */
  findAll(text: string): Match<T>[] {
    if (!this.built) this.build();
    const found: Match<T>[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i]!;
      while (state !== 0 && !this.nodes[state]!.next.has(char)) state = this.nodes[state]!.fail;
      state = this.nodes[state]!.next.get(char) ?? 0;
      for (const [length, index] of this.nodes[state]!.out) {
        found.push({ start: i + 1 - length, end: i + 1, value: this.values[index]! });
      }
    }
    return found;
  }

  /** Non-overlapping occurrences, leftmost first and, at one start, longest first. */
  findLongest(text: string): Match<T>[] {
    return leftmostLongest(this.findAll(text));
  }
}

export function leftmostLongest<T>(matches: Match<T>[]): Match<T>[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match<T>[] = [];
  let reached = 0;
  for (const match of sorted) {
    if (match.start < reached) continue;
    kept.push(match);
    reached = match.end;
  }
  return kept;
}
