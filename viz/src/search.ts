// A search box with suggestions: arrow keys move, Enter picks, Esc or a click elsewhere
// closes; an exact name comes first; "no results" when there are none.
import { request } from './api.ts';
import { h } from './dom.ts';
import { kindLabel, t } from './messages.ts';
import type { Lang } from './state.ts';
import type { Entity } from './types.ts';

const DEBOUNCE_MS = 180;

/** Hits whose name, English name or alias equals the text go first, in the server's order otherwise. */
export function exactFirst(text: string, hits: (Entity & { aliases?: string[] })[]): Entity[] {
  const wanted = text.trim().toLowerCase();
  const exact = (e: Entity & { aliases?: string[] }) => [e.name, e.nameEn ?? '', ...(e.aliases ?? [])].some((n) => n.toLowerCase() === wanted);
  return [...hits.filter(exact), ...hits.filter((e) => !exact(e))];
}

export function suggest(input: HTMLInputElement, list: HTMLElement, lang: () => Lang, choose: (entity: Entity) => void, fail: (message: string) => void): void {
  let timer: number | undefined;
  let hits: Entity[] = [];
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
  const mark = (index: number) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const option = list.querySelector<HTMLElement>(`[role="option"][data-index="${index}"]`);
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
  };
  const pick = (entity: Entity) => {
    input.value = entity.name;
    close();
    choose(entity);
  };
  const show = () => {
    input.setAttribute('aria-expanded', 'true');
    if (hits.length === 0) {
      list.replaceChildren(h('li', { class: 'none' }, t('noResults', lang())));
      return;
    }
    list.replaceChildren(
      ...hits.map((e, i) => {
        const option = h(
          'li',
          { role: 'option', id: `${list.id}-${i}`, 'data-index': String(i), 'data-id': e.id, 'aria-selected': 'false', class: 'suggestion' },
          `${e.name}${e.nameEn ? ` · ${e.nameEn}` : ''}`,
          h('small', {}, ` ${kindLabel(e.kind, lang())}`),
        );
        // mousedown, not click: the input's blur must not close the list first.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(e);
        });
        return option;
      }),
    );
    mark(0);
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    // Old suggestions go at once: Enter must never pick a match for an earlier text.
    hits = [];
    close();
    const text = input.value.trim();
    if (!text) return;
    timer = window.setTimeout(async () => {
      const ticket = ++asked;
      try {
        const data = await request('search', { text });
        if (ticket !== asked) return; // a later keystroke asked again
        hits = exactFirst(
          text,
          data.search.map((s) => s.entity),
        );
        show();
      } catch (error) {
        fail(`${t('searchFailed', lang())}${error instanceof Error ? error.message : String(error)}`);
      }
    }, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    const open = list.children.length > 0 && hits.length > 0;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      mark((active + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      mark((active - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter' && open && hits[active]) {
      event.preventDefault();
      pick(hits[active]!);
    } else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', close);
}
