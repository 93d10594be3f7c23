// A search box with suggestions: arrow keys move, Enter picks, Esc or a click elsewhere
// closes; an exact name comes first; "no results" when there are none. A box that asks
// for them also offers the plan's sentences that hold the text, below the entities. Only
// what the plans the reader picked name or say is offered.
import { request } from './api.ts';
import { h } from './dom.ts';
import { label } from './graph-data.ts';
import { kindLabel, t } from './messages.ts';
import { HAN } from './text.ts';
import type { Lang } from './state.ts';
import type { Entity, SearchMatch, SentenceHit } from './types.ts';

const DEBOUNCE_MS = 180;
/** Hits whose name holds the text; the others (words in common, a spelling like it) are only like it. */
const HOLDING: readonly SearchMatch[] = ['EXACT', 'PREFIX', 'INFIX'];

/** Hits whose name, English name or alias equals the text go first, in the server's order otherwise. */
export function exactFirst(text: string, hits: (Entity & { aliases?: string[] })[]): Entity[] {
  const wanted = text.trim().toLowerCase();
  const exact = (e: Entity & { aliases?: string[] }) => [e.name, e.nameEn ?? '', ...(e.aliases ?? [])].some((n) => n.toLowerCase() === wanted);
  return [...hits.filter(exact), ...hits.filter((e) => !exact(e))];
}

/** One row of the list: an entity, or a sentence of the plan. */
type Option = { entity: Entity; sentence?: never } | { sentence: SentenceHit['sentence']; entity?: never };

export function suggest(
  input: HTMLInputElement,
  list: HTMLElement,
  lang: () => Lang,
  choose: (entity: Entity) => void,
  fail: (message: string) => void,
  /** the plans picked (null: every plan), asked at each search so a change of plans is seen at once */
  documents: () => string[] | null,
  /** given: sentences that hold the text are offered too, and a picked one goes here */
  read?: (sentence: SentenceHit['sentence']) => void,
): void {
  let timer: number | undefined;
  let options: Option[] = [];
  let active = -1;
  let asked = 0;
  list.setAttribute('role', 'listbox');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');

  const close = () => {
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  /** `scroll`: brought into sight (by the keys); one the pointer is on is in sight, and scrolling it would move the list under the pointer. */
  const mark = (index: number, scroll = true) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const option = list.querySelector<HTMLElement>(`[role="option"][data-index="${index}"]`);
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      if (scroll) option.scrollIntoView({ block: 'nearest' });
    }
  };
  const pick = (option: Option) => {
    close();
    if (option.entity) {
      input.value = label(option.entity, lang());
      choose(option.entity);
    } else if (read) read(option.sentence);
  };
  const row = (option: Option, i: number) => {
    const attrs = { role: 'option', id: `${list.id}-${i}`, 'data-index': String(i), 'aria-selected': 'false' };
    const item = option.entity
      ? h(
          'li',
          { ...attrs, 'data-id': option.entity.id, class: 'suggestion' },
          `${option.entity.name}${option.entity.nameEn ? ` · ${option.entity.nameEn}` : ''}`,
          // A tag apart from the name: run into it, "… Cooperation Zone Zone" read as a name said twice.
          h('small', { class: 'kind-tag' }, kindLabel(option.entity.kind, lang())),
        )
      : h('li', { ...attrs, 'data-sentence': option.sentence.id, class: 'suggestion sentence' }, option.sentence.quote, h('small', {}, option.sentence.path));
    // The option pointed at is the one Enter would pick: two stood out, the pointed one and the keys' one.
    item.addEventListener('mousemove', () => {
      if (active !== i) mark(i, false);
    });
    // mousedown, not click: the input's blur must not close the list first.
    item.addEventListener('mousedown', (event) => {
      event.preventDefault();
      pick(option);
    });
    return item;
  };
  /**
   * `near`: no entity's name holds the text, so the entities listed are only like it; `unsaid`: no
   * sentence of the plan holds it either (鹏城实验室): the reader is told the plan does not name it,
   * not left to wonder whether the graph missed it.
   */
  const show = (near: boolean, unsaid = false) => {
    input.setAttribute('aria-expanded', 'true');
    if (options.length === 0) {
      list.replaceChildren(h('li', { class: 'none' }, t('noResults', lang())));
      return;
    }
    const rows = options.map(row);
    // The sentences' heading first, where the options stand, then the entities': the other way, it
    // went in a row too early, over the last entity (仪器装备 under 规划原文中的句子).
    const firstSentence = options.findIndex((o) => o.sentence);
    if (firstSentence >= 0) rows.splice(firstSentence, 0, h('li', { role: 'presentation', class: 'heading' }, t('sentences', lang())));
    if (near) rows.unshift(h('li', { role: 'presentation', class: 'heading near' }, t(unsaid ? 'notInPlan' : 'noneNamed', lang())));
    list.replaceChildren(...rows);
    // A field low in a scrolled menu (the path's second, on a phone) is scrolled up to its top, so that its suggestions show below it.
    if (list.getBoundingClientRect().bottom > window.innerHeight) input.scrollIntoView({ block: 'start' });
    // Only like the text: Enter takes none of them until the reader moves to one.
    mark(near ? -1 : 0);
  };

  const sentencesFor = async (text: string, within: string[] | null): Promise<Option[]> => {
    if (!read) return [];
    const data = await request('sentences', { text, documents: within });
    return data.sentences.map((hit) => ({ sentence: hit.sentence }));
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    // Old suggestions go at once: Enter must never pick a match for an earlier text.
    options = [];
    close();
    const text = input.value.trim();
    if (!text) return;
    timer = window.setTimeout(async () => {
      const ticket = ++asked;
      try {
        const within = documents();
        const [data, sentences] = await Promise.all([request('search', { text, documents: within }), sentencesFor(text, within)]);
        if (ticket !== asked) return; // a later keystroke asked again
        const entities = exactFirst(
          text,
          data.search.map((s) => s.entity),
        );
        options = [...entities.map((entity) => ({ entity })), ...sentences];
        const holds = data.search.some((hit) => HOLDING.includes(hit.match));
        // The plan is in characters: a sentence search says whether it names a Chinese text, not an English or pinyin one.
        show(entities.length > 0 && !holds, HAN.test(text) && !!read && sentences.length === 0);
      } catch (error) {
        fail(`${t('searchFailed', lang())}${error instanceof Error ? error.message : String(error)}`);
      }
    }, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    const open = list.children.length > 0 && options.length > 0;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      mark((active + 1) % options.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      mark((active - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault();
      pick(options[active]!);
    } else if (event.key === 'Escape' && open) {
      // Taken: the page's own Esc (a drawer, the panel) waits for the next one.
      event.preventDefault();
      close();
    } else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', close);
}
