// A label's text as drawn: its width in a canvas font, and a name wider than a label may be
// shortened in its middle. Cytoscape's own ellipsis keeps a name's start: the plan names many
// places by their host and a suffix (横琴粤澳深度合作区, 横琴粤澳深度合作区国际院士谷), which
// then read the same on the map. Start and end together tell them apart.

let context: CanvasRenderingContext2D | null = null;
/** Widths by font, then by text: no key is built per call, in a pass over thousands of labels. */
const widths = new Map<string, Map<string, number>>();

/** The text's width in pixels in a canvas font, cached: the same names come back at every zoom. */
export function textWidth(text: string, font: string): number {
  let inFont = widths.get(font);
  if (!inFont) widths.set(font, (inFont = new Map()));
  const known = inFont.get(text);
  if (known !== undefined) return known;
  context ??= document.createElement('canvas').getContext('2d')!;
  context.font = font;
  const width = Math.ceil(context.measureText(text).width);
  inFont.set(text, width);
  return width;
}

/** `text` if it is at most `max` wide; else as many of its first and last characters as fit around an ellipsis, a few more at the start. */
export function fitText(text: string, max: number, width: (text: string) => number): string {
  if (width(text) <= max) return text;
  const chars = [...text];
  for (let keep = chars.length - 1; keep > 1; keep -= 1) {
    const head = Math.ceil(keep / 2);
    const shortened = `${chars.slice(0, head).join('').trimEnd()}…${chars
      .slice(chars.length - (keep - head))
      .join('')
      .trimStart()}`;
    if (width(shortened) <= max) return shortened;
  }
  return `${chars[0] ?? ''}…`;
}
