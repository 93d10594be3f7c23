// English renderings of a plan's notes (data/plans/index.yaml, `glosses`), matched to the notes
// ingest reads by their words, spaces aside: the PDF's text breaks and spaces lines where it likes.
import { IngestError } from './errors.ts';
import type { Gloss } from './types.ts';

const words = (text: string) => text.replace(/\s+/g, '');

export interface Glossary {
  /**
   * The notes in English, in their order; none unless every one has its gloss, since a list
   * half in Chinese would pass for the whole of it.
   */
  english(notes: readonly string[]): string[] | null;
  /** Throws if a gloss was taken by no note: it quotes words the plan does not hold (a typo, or an older edition's). */
  checkAllUsed(): void;
}

export function glossary(glosses: readonly Gloss[]): Glossary {
  const byWords = new Map(glosses.map((g) => [words(g.zh), g]));
  const used = new Set<Gloss>();
  return {
    english(notes) {
      const found = notes.map((note) => byWords.get(words(note)));
      for (const g of found) if (g) used.add(g);
      if (found.length === 0 || found.some((g) => g === undefined)) return null;
      return found.map((g) => g!.en);
    },
    checkAllUsed() {
      const stale = glosses.filter((g) => !used.has(g));
      if (stale.length === 0) return;
      throw new IngestError(
        'registry',
        `${stale.length} gloss(es) of the plan's index quote no note under its tables: ${stale.map((g) => `“${g.zh}”`).join(', ')}; a gloss's zh must be a note as the plan writes it`,
        { glosses: stale.map((g) => g.zh) },
      );
    },
  };
}
