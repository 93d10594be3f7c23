import { describe, expect, it } from 'vitest';
import { answerStore } from '../../api/answer-cache.ts';

const answer = (chars: number) => ({ data: { text: '鹏'.repeat(chars) } });

describe('the store of cached answers', () => {
  it('gives back what it keeps, until its time is up', async () => {
    const store = answerStore({ totalChars: 10_000, maxChars: 1_000 });
    store.set('a', answer(100), [], 50);
    expect(store.get('a')).toEqual(answer(100));
    expect(store.has('a')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(store.has('a')).toBe(false);
    expect(store.get('a')).toBeNull();
  });

  it('does not keep an answer larger than an answer may be', () => {
    const store = answerStore({ totalChars: 10_000, maxChars: 1_000 });
    store.set('big', answer(2_000), [], Infinity);
    expect(store.has('big')).toBe(false);
  });

  it('holds at most its budget of characters, dropping the answers used least recently', () => {
    const store = answerStore({ totalChars: 10_000, maxChars: 1_000 });
    for (let i = 0; i < 100; i += 1) {
      store.set(`k${i}`, answer(900), [], Infinity);
      store.get('k0'); // k0 stays in use
    }
    const kept = Array.from({ length: 100 }, (_, i) => `k${i}`).filter((k) => store.has(k));
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.length).toBeLessThanOrEqual(10_000 / 900);
    expect(store.has('k0')).toBe(true);
    expect(store.has('k1')).toBe(false);
  });
});
