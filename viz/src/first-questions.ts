// The questions a page asks before anything else, in a module small enough to run before the
// explorer's main bundle: early.ts sends them while that bundle is still being compiled, and the
// views ask them again in the same words (api.ts hands over the answers already on their way).
import type { EntityKind, RelationType } from '../../ingest/model.ts';
import type { VariablesArg } from './api.ts';
import type { AppState } from './state.ts';

/** The Greater Bay Area's cities: the start view places them on the map. */
export const GBA_CITIES = ['guangzhou', 'shenzhen', 'zhuhai', 'foshan', 'dongguan', 'zhongshan', 'jiangmen', 'huizhou', 'hong-kong', 'macao'];
const START_KINDS: EntityKind[] = ['City', 'ScienceCity', 'Zone', 'Corridor'];
const START_TYPES: RelationType[] = ['LOCATED_IN', 'PART_OF', 'IN_CORRIDOR', 'COOPERATES_WITH'];

/** The `documents` argument: the plans the reader picked, or null for every plan loaded. */
export function documentsFilter(state: AppState): string[] | null {
  return state.documents.length > 0 ? state.documents : null;
}

/** The start view's picture: the Greater Bay Area's cities and what lies in them. */
export function startViewQuestion(state: AppState): VariablesArg<'neighborhood'>[0] {
  return { ids: GBA_CITIES, depth: 1, kinds: START_KINDS, types: START_TYPES, documents: documentsFilter(state) };
}
