// The views' own arrangements, from the data they loaded to positions: a map, bands, a chain.
import { ARRANGE_DEFAULTS, bands, chain, columns, stacked, stackedBands, type Band } from './arrange.ts';
import { hostedIn, label, type GraphData } from './graph-data.ts';
import type { Side } from './labels.ts';
import { geoPositions, nodeBox, type BaseMap, type Box, type Position, type Siting } from './geo.ts';
import { t, type MessageKey } from './messages.ts';
import { isCompact, nodeScaleFor } from './style.ts';
import { ROUTES, ROUTE_TITLE } from './panels.ts';
import type { Lang } from './state.ts';
import type { ClusterPlace, ClusterPlatform, Comparison } from './types.ts';

export interface Arranged {
  positions: Map<string, Position>;
  titles?: { title: string; at: Position }[];
  /** fitted to the canvas's width from the top, to be read by scrolling down, rather than shrunk to fit whole */
  fitWidth?: boolean;
  /** places beyond the map, drawn at its edge: the arrow toward where each lies */
  beyond?: Map<string, string>;
  /** the city a view is about, by name: the base map marks its outline */
  marked?: string;
  /** set on geographic views: the base map's projection and frame, and how it draws located places; newcomers are drawn alike (geo.ts) */
  siting?: Siting;
  /** where labels go first, for a picture read as a list (labels.ts) */
  sides?: readonly Side[];
  /** model units between two rows of such a list: a name takes two lines where they fit in it on screen (scene.ts) */
  rowGap?: number;
  /** model units between two columns whose names stand centred under their nodes: each name may take that room (scene.ts) */
  columnGap?: number;
}

/**
 * `map`: the base map (underlay.ts): a located place outside it is drawn at the picture's edge, a
 * city's places within its outline; `focus`: the city a view is about, whose outline is framed (geo.ts)
 * and marked on the map.
 */
export function arrangeGeo(shown: GraphData, lang: Lang, box: Box, map?: BaseMap, focus?: string): Arranged {
  // On a phone a name is given half a label's width to keep clear: the rest waits for the declutter
  // pass, rather than every place pushed far from where it belongs to make room for its whole name.
  const hosted = hostedIn(shown);
  const nodes = [...shown.nodes.values()].map((n) => ({
    ...n,
    city: n.city ?? hosted.get(n.id) ?? null,
    box: nodeBox(label(n, lang), n.kind, nodeScaleFor(box.width), isCompact(box.width) ? 0.5 : 1),
  }));
  const links = [...shown.edges.values()].map((e) => [e.from.id, e.to.id] as [string, string]);
  // A phone's canvas has no room for a frame's edge beside the city's places: framed, 东莞's and 湛江's
  // views showed fewer names there (7 of 10, 9 of 13), where a desktop's city views show 139 names of
  // 174 rather than 122.
  const marked = focus ? shown.nodes.get(focus)?.name : undefined;
  return { ...geoPositions(nodes, links, box, map, isCompact(box.width) ? undefined : focus), ...(marked ? { marked } : {}) };
}

/** The cluster's platforms in a band per route; the places that serve it in bands of their own, after the platforms of their route, as the panel lists them. */
export function arrangeBands(cluster: string, rows: ClusterPlatform[], places: ClusterPlace[], lang: Lang, box: Box): Arranged {
  /** A band of what a route reaches (platforms or places), each under what it goes through, if anything. */
  const band = (title: MessageKey, members: { id: string; through: { id: string } | null }[]): Band => ({
    title: t(title, lang),
    members: members.map((m) => m.id),
    through: [...new Set(members.flatMap((m) => (m.through ? [m.through.id] : [])))],
    throughOf: new Map(members.flatMap((m) => (m.through ? [[m.id, m.through.id] as const] : []))),
  });
  const platformsVia = (via: ClusterPlatform['via']) => rows.filter((p) => p.via === via).map((p) => ({ id: p.platform.id, through: p.through }));
  const placesVia = (via: ClusterPlace['via']) => places.filter((p) => p.via === via).map((p) => ({ id: p.place.id, through: p.through }));
  const list = ROUTES.flatMap((via) => {
    const platforms = band(ROUTE_TITLE[via], platformsVia(via));
    // The places after the platforms of their route, as the panel lists them.
    if (via === 'DIRECT') return [platforms, band('placesServing', placesVia('DIRECT'))];
    if (via !== 'FIELD') return [platforms];
    const placed = band('placesThroughField', placesVia('FIELD'));
    if (!placed.through.some((field) => platforms.through.includes(field))) return [platforms, placed];
    // A field both reach is drawn once: in two bands, 生物医药与健康's places through 生命科学 stood in
    // the lower one, their lines running up into the platforms' band. One band holds both: each field's
    // platforms, then its places.
    const members = [...platformsVia('FIELD'), ...placesVia('FIELD')];
    const fields = [...new Set([...platforms.through, ...placed.through])];
    const order = (m: (typeof members)[number]) => (m.through ? fields.indexOf(m.through.id) : fields.length);
    // A stable sort: within a field, the platforms first, each list in its own order.
    return [
      band(
        'throughFieldBoth',
        members.sort((a, b) => order(a) - order(b)),
      ),
    ];
  }).filter((b) => b.members.length > 0);
  // A narrow canvas (a phone) has no room for the bands side by side with the cluster: they stand one under the other, read by scrolling.
  if (isCompact(box.width)) return { ...stackedBands(cluster, list), fitWidth: true, sides: ['right', 'bottom', 'top', 'left'] };
  return { ...bands(cluster, list), columnGap: ARRANGE_DEFAULTS.column };
}

export function arrangeChain(walks: string[][]): Arranged {
  return { positions: chain(walks), columnGap: ARRANGE_DEFAULTS.column };
}

/** A comparison in three columns: only in A, in both, only in B; each column by kind, then name. */
export function arrangeSides(sides: Map<string, 'a' | 'b' | 'both'>, c: Comparison, lang: Lang, box: Box): Arranged {
  const all = [...c.entities.onlyA, ...c.entities.onlyB, ...c.entities.both].map((x) => x.entity);
  const order = all.filter((e) => sides.has(e.id)).sort((x, y) => x.kind.localeCompare(y.kind) || label(x, lang).localeCompare(label(y, lang)));
  const group = (side: 'a' | 'b' | 'both', title: string) => ({ title, members: order.filter((e) => sides.get(e.id) === side).map((e) => e.id) });
  const groups = [group('a', `${t('onlyIn', lang)} ${c.a.title}`), group('both', t('inBoth', lang)), group('b', `${t('onlyIn', lang)} ${c.b.title}`)];
  // A narrow canvas (a phone) has no room for three columns and their titles: the groups stand one under the other, read by scrolling.
  if (isCompact(box.width)) return { ...stacked(groups), fitWidth: true };
  return { ...columns(groups, 12), columnGap: ARRANGE_DEFAULTS.column };
}
