// The fonts the explorer draws text in on a canvas. A module of its own, small, so the page's
// entry (early.ts) can open the labels' fonts without the stylesheet.
import { SIZES } from './sizes.ts';

/**
 * Fonts with Han characters, named wherever the explorer draws text on a canvas rather than left
 * to the browser's fallback: looking up a fallback for Han characters took 100–270 ms on a page's
 * first labels (headless Chromium on Linux), naming one 30–60 ms. (explorer.css names them too.)
 */
const CJK_FONTS = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei"';

/** The graph's labels: named so labels.ts measures text in the font it is drawn in. */
export const LABEL_FONT_FAMILY = `Helvetica Neue, Helvetica, ${CJK_FONTS}, sans-serif`;

const LABEL_FONTS = { city: `bold ${SIZES.cityFont}px ${LABEL_FONT_FAMILY}`, other: `normal ${SIZES.font}px ${LABEL_FONT_FAMILY}` };

/** The font a relation is named in on its line. */
export const EDGE_FONT = `${SIZES.edgeFont}px ${LABEL_FONT_FAMILY}`;

/** The canvas font of a node's label. */
export const labelFont = (city: boolean) => (city ? LABEL_FONTS.city : LABEL_FONTS.other);

/** Text drawn on a canvas around the graph: the base map's titles, the exported picture's title and legend. */
export const CANVAS_FONT = `system-ui, ${CJK_FONTS}, sans-serif`;
