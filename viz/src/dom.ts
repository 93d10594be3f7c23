// Building DOM from data: text goes in as text, never as HTML.
type Child = Node | string | null | undefined | false;

export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** A button that runs `action` when clicked. */
export function button(attrs: Record<string, string>, text: string, action: () => void): HTMLElement {
  const element = h('button', { type: 'button', ...attrs }, text);
  element.addEventListener('click', action);
  return element;
}
