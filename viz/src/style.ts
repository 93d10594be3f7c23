// The Cytoscape stylesheet, generated from the kinds in ingest/model.ts: one rule per
// kind for colour and shape, so a new kind is styled without touching this file.
import type { StylesheetJson } from 'cytoscape';
import { ENTITY_KINDS, KINDS } from '../../ingest/model.ts';

export function stylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        width: 22,
        height: 22,
        'border-width': 1,
        'border-color': '#fff',
        color: '#222',
        'min-zoomed-font-size': 8,
      },
    },
    ...KINDS.map((kind) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': ENTITY_KINDS[kind].color, shape: ENTITY_KINDS[kind].shape },
    })),
    { selector: 'node[kind = "City"]', style: { width: 34, height: 34, 'font-size': 14, 'font-weight': 'bold' } },
    { selector: 'node[source = "discovered"]', style: { 'border-style': 'dashed', 'border-color': '#555', 'border-width': 2 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa4b1',
        'target-arrow-color': '#9aa4b1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        opacity: 0.8,
      },
    },
    // Links only the registry states, not the text, are drawn dashed.
    { selector: 'edge[cited = "no"]', style: { 'line-style': 'dashed' } },
    { selector: ':selected', style: { 'border-width': 4, 'border-color': '#111', 'line-color': '#111', 'target-arrow-color': '#111' } },
    { selector: '.highlighted', style: { 'border-width': 4, 'border-color': '#e6550d', 'line-color': '#e6550d', 'target-arrow-color': '#e6550d', width: 4, 'z-index': 10 } },
    { selector: '.faded', style: { opacity: 0.15 } },
  ];
}
