// Folding: the selection under a root field, read from the GraphQL document, as the
// plain tree graph/queries/projection.ts compiles into one statement. Resolvers of
// folded fields look their value up by the same key; a field the tree leaves out
// (bad arguments, a type this does not know) is resolved through the loaders.
import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { RELATION_TYPE_NAMES } from '../ingest/model.ts';
import { FOLDABLE, FOLDED, type FieldSelection, type Folded, type Shape } from '../graph/queries/projection.ts';
import type { Context } from './context.ts';
import { LIMITS } from './limits.ts';

const ENTITY_TYPES = new Set(['Entity']);

/** The foldable type an object of this GraphQL type is, if any: every entity kind folds as Entity. */
function foldType(type: GraphQLNamedType, info: GraphQLResolveInfo): string | null {
  if (type.name in FOLDABLE) return type.name;
  if (isObjectType(type) && type.getInterfaces().some((i) => ENTITY_TYPES.has(i.name))) return 'Entity';
  if (isAbstractType(type) && info.schema.getPossibleTypes(type).length > 0 && ENTITY_TYPES.has(type.name)) return 'Entity';
  return null;
}

/** The key a folded value is stored under: the response key and the arguments, so aliases with other arguments stay apart. */
export function foldKey(responseKey: string, args: Record<string, unknown>): string {
  return `${responseKey}${JSON.stringify(args)}`;
}

/** The arguments as the resolver will see them, normalised as the resolver normalises them; null when the resolver would refuse them. */
function foldArgs(type: string, field: string, args: Record<string, unknown>): Record<string, unknown> | null {
  const whole = (value: unknown, max: number) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max;
  if (type === 'Entity' && field === 'mentions') return whole(args.first, LIMITS.mentions) ? args : null;
  if (type === 'Entity' && field === 'neighbors') {
    if (!whole(args.first, LIMITS.neighbors)) return null;
    const types = args.relationTypes as string[] | null | undefined;
    return { ...args, relationTypes: types?.length ? types : RELATION_TYPE_NAMES };
  }
  return args;
}

/** The fields a selection set selects, through fragments of any kind. */
export function fieldsOf(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, out: FieldNode[] = []): FieldNode[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, info, out);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) fieldsOf(fragment.selectionSet, info, out);
    }
  }
  return out;
}

/** The definition of a field on a foldable type: entity kinds share theirs through the Entity interface. */
function definition(type: string, name: string, info: GraphQLResolveInfo): GraphQLField<unknown, unknown> | undefined {
  const named = info.schema.getType(type);
  return named && 'getFields' in named ? (named.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name] : undefined;
}

/** The tree of foldable fields under the given nodes, which select on an object of type `type`. */
export function shapeOf(nodes: readonly FieldNode[], type: string, info: GraphQLResolveInfo, depth = 0): Shape {
  const fields: FieldSelection[] = [];
  const seen = new Set<string>();
  const selected = nodes.flatMap((n) => fieldsOf(n.selectionSet, info));
  // Every field named, whatever fragment names it: the statement reads what any resolver of them will.
  const names = [...new Set(selected.map((n) => n.name.value))];
  // Selection depth is bounded by the document limits already; this guards the recursion on its own.
  if (depth > LIMITS.queryDepth) return { fields };
  for (const node of selected) {
    const name = node.name.value;
    if (!(name in (FOLDABLE[type] ?? {}))) continue;
    const def = definition(type, name, info);
    if (!def) continue;
    const args = foldArgs(type, name, getArgumentValues(def, node, info.variableValues));
    if (!args) continue;
    const responseKey = node.alias?.value ?? name;
    const key = foldKey(responseKey, getArgumentValues(def, node, info.variableValues));
    if (seen.has(key)) continue;
    seen.add(key);
    const child = foldType(getNamedType(def.type), info);
    const sameKey = selected.filter((n) => (n.alias?.value ?? n.name.value) === responseKey && n.name.value === name);
    fields.push({ key, field: name, args, shape: child ? shapeOf(sameKey, child, info, depth + 1) : { fields: [] } });
  }
  return { fields, names };
}

/** The shape of the field being resolved, for a root resolver about to fold it. */
export function selectionShape(info: GraphQLResolveInfo, type: string): Shape {
  return shapeOf(info.fieldNodes, type, info);
}

/** The value a field was folded to, when its parent was read by a folding query. */
export function folded(parent: unknown, args: Record<string, unknown>, info: GraphQLResolveInfo): { value: unknown } | null {
  const values = (parent as Folded<object> | null)?.[FOLDED];
  if (!values) return null;
  const key = foldKey(info.path.key as string, args);
  return key in values ? { value: values[key] } : null;
}

/** A resolver for a field a folding query may already have read: its folded value, else `load`. */
export function foldedOr<T, R>(load: (parent: T, context: Context) => R | Promise<R>) {
  return (parent: T, args: Record<PropertyKey, never>, context: Context, info: GraphQLResolveInfo): R | Promise<R> => {
    const done = folded(parent, args, info);
    return done ? (done.value as R) : load(parent, context);
  };
}
