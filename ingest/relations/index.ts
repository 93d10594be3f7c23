// Every rule that derives relations from the text, in one list.
import { cooperates } from './cooperates.ts';
import { focusesOn } from './focuses-on.ts';
import { hostedBy } from './hosted-by.ts';
import { inCorridor } from './in-corridor.ts';
import { inField } from './in-field.ts';
import { layout } from './layout.ts';
import { listPlace } from './list-place.ts';
import { locatedIn } from './located-in.ts';
import { partOf } from './part-of.ts';
import type { RelationRule } from './rule.ts';
import { serves } from './serves.ts';
import { supports } from './supports.ts';
import { targets } from './targets.ts';
import { underPlace } from './under-place.ts';

export const RULES: RelationRule[] = [
  hostedBy,
  locatedIn,
  focusesOn,
  inField,
  serves,
  supports,
  targets,
  cooperates,
  partOf,
  inCorridor,
  underPlace,
  layout,
  listPlace,
];
