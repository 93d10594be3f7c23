// Building DOM from data: text goes in as text, never as HTML.
type Child = Node | string | null | undefined | false;

export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** A button that runs `action` when clicked. */
export function button(attrs: Record<string, string>, content: Child | readonly Child[], action: () => void): HTMLElement {
  const element = h('button', { type: 'button', ...attrs }, ...([] as Child[]).concat(content));
  element.addEventListener('click', action);
  return element;
}

/** What each element was last filled for: see `fill`. */
const filledFor = new WeakMap<Element, string>();

/**
 * Fills `element` with what `build` makes for `key`, unless it already shows that key: every
 * fill makes the browser restyle and lay out the page again, and most state changes (a
 * selection, an expansion) change none of the controls.
 */
export function fill(element: HTMLElement, key: string, build: () => Child[]): void {
  if (filledFor.get(element) === key) return;
  filledFor.set(element, key);
  element.replaceChildren(...build().filter((child): child is Node | string => !!child));
}

/** Whether the side panel is a drawer over the canvas's lower part (a phone's, explorer.css), not a column beside it. */
export function isDrawer(panel: HTMLElement): boolean {
  return getComputedStyle(panel).position === 'absolute';
}

/** Sets an element's text only if it differs: the same text set again still lays out the page. */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
