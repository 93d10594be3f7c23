// Names in the reader's alphabetical order: pinyin for Chinese, not the order of the English names.
import type { Lang } from './state.ts';

/** One collator per language, made once: making the pinyin one loads ICU's collation data, 12–27 ms on a page's first (headless Chromium). */
const collators = new Map<Lang, Intl.Collator>();

export function collatorFor(lang: Lang): Intl.Collator {
  let collator = collators.get(lang);
  if (!collator) collators.set(lang, (collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN-u-co-pinyin' : 'en')));
  return collator;
}
