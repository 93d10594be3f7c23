// Labels and relationship types cannot be Cypher parameters, so this is the one
// helper that puts them into query text, and only from the whitelists in ingest/model.ts.
import { ENTITY_LABEL, STRUCTURE_LABELS, isEntityKind, isRelationType, type EntityKind } from '../ingest/model.ts';
import { GraphError } from './errors.ts';

const STORED_LABELS = new Set<string>([ENTITY_LABEL, ...STRUCTURE_LABELS]);

export function label(name: string): string {
  if (!isEntityKind(name) && !STORED_LABELS.has(name)) {
    throw new GraphError('BAD_QUERY', `refusing to use ${JSON.stringify(name)} as a label: not a defined kind`);
  }
  return `\`${name}\``;
}

/** A label test that `v` is of one of the kinds: `v:Lab|Facility`. */
export function anyKind(v: string, kinds: readonly EntityKind[]): string {
  return `${v}:${kinds.map(label).join('|')}`;
}

export function relType(name: string): string {
  if (!isRelationType(name)) {
    throw new GraphError('BAD_QUERY', `refusing to use ${JSON.stringify(name)} as a relationship type: not a defined type`);
  }
  return `\`${name}\``;
}
