// Arrangements for views without geography: a cluster's platforms in bands by route,
// a path as a chain read left to right. Pure: ids in, positions (screen pixels at zoom 1) out.
import type { Position } from './geo.ts';

export const ARRANGE_DEFAULTS = {
  column: 190, // pixels between two columns
  row: 64, // pixels between two rows
  bandGap: 60, // extra pixels between two bands
  perColumn: 5, // platforms one above the other in a band, before a new column starts
};

export interface Band {
  /** the band's title, drawn beside it */
  title: string;
  /** field or program nodes the band goes through, drawn between the cluster and the band */
  through: string[];
  members: string[];
  /** the node of `through` each member goes through, where it goes through one */
  throughOf?: Map<string, string>;
}

export interface Banding {
  positions: Map<string, Position>;
  /** where each band's title goes */
  titles: { title: string; at: Position }[];
  /** units between two rows of a list, whose names stand beside their nodes */
  rowGap?: number;
}

/** The cluster on the left, then one band per route, top to bottom: direct, through a field, through a program. */
export function bands(cluster: string, list: Band[]): Banding {
  const { column, row, bandGap, perColumn } = ARRANGE_DEFAULTS;
  const positions = new Map<string, Position>();
  const titles: Banding['titles'] = [];
  let top = 0;
  for (const band of list) {
    const rows = Math.max(1, Math.min(band.members.length, perColumn) + (band.members.length > perColumn ? 0.5 : 0), band.through.length);
    titles.push({ title: band.title, at: { x: column * 0.7, y: top - row * 0.6 } });
    band.through.forEach((id, i) => {
      if (!positions.has(id)) positions.set(id, { x: column, y: top + i * row });
    });
    // Platforms stand in columns, each column half a row lower than the one before, so a line
    // from the left to a later column passes between the earlier column's nodes, not through them.
    band.members.forEach((id, i) => {
      const c = Math.floor(i / perColumn);
      if (!positions.has(id)) positions.set(id, { x: column * 2 + c * column, y: top + (i % perColumn) * row + (c % 2) * (row / 2) });
    });
    top += rows * row + bandGap;
  }
  positions.set(cluster, { x: 0, y: Math.max(0, top - bandGap - row) / 2 });
  return { positions, titles };
}

/**
 * The bands one under the other, for a narrow canvas (a phone), read by scrolling down as an
 * indented list with each name beside its node: the cluster at the top left, each band under its
 * title, a node the band goes through one step in and the platforms that go through it one step
 * further, one to a row. Every line then runs down and to the right, from a node to the rows
 * under it, left of the names.
 */
export function stackedBands(cluster: string, list: Band[]): Banding {
  const { row } = ARRANGE_DEFAULTS;
  const step = row * 0.4;
  const line = row * 0.55;
  const positions = new Map<string, Position>([[cluster, { x: 0, y: 0 }]]);
  const titles: Banding['titles'] = [];
  let top = line;
  /** One row at `top`, `depth` steps in; a node an earlier band placed stays where it is. */
  const place = (id: string, depth: number) => {
    if (positions.has(id)) return;
    positions.set(id, { x: depth * step, y: top });
    top += line;
  };
  for (const band of list) {
    // Right of the column the cluster's lines run down, in a row of its own.
    titles.push({ title: band.title, at: { x: step * 1.5, y: top + line * 0.2 } });
    top += line;
    for (const via of band.through) {
      place(via, 1);
      for (const id of band.members) if (band.throughOf?.get(id) === via) place(id, 2);
    }
    for (const id of band.members) place(id, band.through.length > 0 ? 2 : 1);
  }
  return { positions, titles, rowGap: line };
}

/**
 * Paths from one entity to another as a chain: a node's column is its step on the walk,
 * the paths stacked in rows; the two ends, shared by every path, sit in the middle row.
 */
export function chain(walks: string[][]): Map<string, Position> {
  const { column, row } = ARRANGE_DEFAULTS;
  const positions = new Map<string, Position>();
  const middle = ((walks.length - 1) * row * 1.4) / 2;
  walks.forEach((walk, r) => {
    walk.forEach((id, c) => {
      if (positions.has(id)) return;
      const end = c === 0 || c === walk.length - 1;
      positions.set(id, { x: c * column, y: end ? middle : r * row * 1.4 });
    });
  });
  // Ends go at the far left and right of the longest walk.
  const last = Math.max(...walks.map((w) => w.length)) - 1;
  for (const walk of walks) if (walk.length > 1) positions.set(walk[walk.length - 1]!, { x: last * column, y: middle });
  return positions;
}

/**
 * Groups one under the other, for a narrow canvas (a phone): each under its title, its members
 * in rows of `perRow`, so a title has the canvas's width and never runs into the next one.
 */
export function stacked(groups: { title: string; members: string[] }[], perRow = 2): Banding {
  const { column, row } = ARRANGE_DEFAULTS;
  const positions = new Map<string, Position>();
  const titles: Banding['titles'] = [];
  let top = 0;
  for (const group of groups) {
    titles.push({ title: group.title, at: { x: -column * 0.4, y: top - row * 0.7 } });
    group.members.forEach((id, i) => {
      if (!positions.has(id)) positions.set(id, { x: (i % perRow) * column, y: top + Math.floor(i / perRow) * row });
    });
    top += Math.max(1, Math.ceil(group.members.length / perRow)) * row + row * 1.2;
  }
  return { positions, titles };
}

/**
 * Groups side by side, left to right (what only one plan states, what both do, what only the
 * other states), each a column read top to bottom, wrapping into further columns when long.
 */
export function columns(groups: { title: string; members: string[] }[], perColumn = 12): Banding {
  const { column, row } = ARRANGE_DEFAULTS;
  const positions = new Map<string, Position>();
  const titles: Banding['titles'] = [];
  // Short groups sit level with the middle of the longest, under their titles.
  const tallest = Math.max(1, ...groups.map((g) => Math.min(g.members.length, perColumn)));
  let left = 0;
  for (const group of groups) {
    const top = ((tallest - Math.min(Math.max(1, group.members.length), perColumn)) * row) / 2;
    titles.push({ title: group.title, at: { x: left - column * 0.3, y: top - row } });
    group.members.forEach((id, i) => {
      const c = Math.floor(i / perColumn);
      if (!positions.has(id)) positions.set(id, { x: left + c * column, y: top + (i % perColumn) * row + (c % 2) * (row / 2) });
    });
    left += Math.max(1, Math.ceil(group.members.length / perColumn)) * column + column * 0.6;
  }
  return { positions, titles };
}
