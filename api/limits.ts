// What one request may ask for. Over a limit, the client gets BAD_USER_INPUT
// naming the limit, before anything reaches Neo4j.
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_DEPTH } from '../graph/queries/neighborhood.ts';
import { MAX_HOPS } from '../graph/queries/paths.ts';
import { jsonAnswer, type HttpAnswer } from './answer-cache.ts';
import { badInput } from './errors.ts';

export const LIMITS = {
  textLength: 200, // characters of a search text
  searchFirst: 50, // search hits
  sentencesFirst: 50, // sentences found by their words
  coMentionedFirst: 100, // entities named beside one entity
  entitiesFirst: 100, // a page of entities
  ids: 50, // start entities of a neighborhood
  among: 2000, // entities a neighborhood's asker holds already (its `among`): a picture drawn by Cytoscape, and more
  documents: 50, // documents in a `documents` filter
  depth: MAX_DEPTH, // links from the start of a neighborhood
  nodes: 500, // entities in one subgraph
  maxHops: MAX_HOPS, // length of a path
  paths: 20, // paths returned
  mentions: 50, // mentions of one entity
  neighbors: 200, // links of one entity
  queryDepth: 10, // nesting of selection sets (introspection fields aside)
  aliases: 30, // aliased fields in one operation
  directives: 20, // directives in one operation
  tokens: 2000, // lexical tokens of one document
  cost: 60_000, // values a response may hold at most, estimated from the list sizes it asks for (see costOf)
  variablesDepth: 10, // nesting of the variables object: our arguments are lists of scalars at most
  bodyBytes: 100 * 1024, // of one request: 2000 tokens and their variables fit many times over
  responseBytes: 8 * 1024 * 1024, // of one answer: the whole graph as the explorer draws it is ~1 MB
  transactions: 40, // Neo4j transactions of one request: a loader level is one, the deepest document ~15
  // Characters of document text whose parse is kept (see parsedDocuments): the explorer's 13 documents are 12.5 K together, the largest 2.3 K.
  parsedDocuments: { totalText: 256 * 1024, maxText: 8 * 1024 },
  parseErrors: { totalText: 32 * 1024, maxText: 8 * 1024 },
  // Characters of JSON of the answers kept in the response cache in all; an answer over maxChars is served but not kept.
  cachedAnswers: { totalChars: 32 * 1024 * 1024, maxChars: 2 * 1024 * 1024 },
  // The same answers as the HTTP thread sends them, in UTF-8: a Han character takes three bytes.
  servedAnswers: { totalBytes: 48 * 1024 * 1024, maxBytes: 6 * 1024 * 1024 },
};

/**
 * How many items a list field holds at most when no argument says: measured on the
 * bundled plan with room to spare. A list with a `first` or `limit` argument, or below
 * an object with one, counts that many; a list not named here counts LIST_DEFAULT.
 */
const LIST_BOUNDS: Record<string, number> = {
  'Document.sections': 30,
  'Section.children': 20,
  'Relation.evidence': 8,
  'Evidence.marks': 10,
  'Path.hops': LIMITS.maxHops,
  'CityProfile.groups': 12,
  'KindGroup.entities': 60,
  'CityProfile.links': 100,
  'Query.platformsForCluster': 60,
  'ClusterPlatform.relations': 3,
  'Query.placesForCluster': 6,
  'ClusterPlace.relations': 2,
  'Query.indicators': 30,
  'Query.documents': 3,
  'Sentence.entities': 30,
};
const LIST_DEFAULT = 20;

/** A chapter's text is thousands of characters: it counts as this many values. */
const TEXT_WEIGHT: Record<string, number> = { 'Section.text': 10 };
const SIZE_ARGUMENTS = ['first', 'limit'];
/** Lists whose items an answer may hold beyond its size argument (a neighborhood's `among`: those a link joins). */
const ADDED_ITEMS = ['among'];

/** A whole number in [min, max], or BAD_USER_INPUT that names the argument and the bounds. */
export function within(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${name} must be a whole number from ${min} to ${max} (got ${value})`, name);
  }
  return value;
}

export function listWithin<T>(name: string, values: readonly T[], max: number): T[] {
  if (values.length === 0) throw badInput(`${name} must not be empty`, name);
  if (values.length > max) throw badInput(`${name} may hold at most ${max} items (got ${values.length})`, name);
  return [...values];
}

export function searchText(text: string): string {
  const trimmed = text.normalize('NFC').trim();
  if (trimmed === '') throw badInput('text must not be empty', 'text');
  if (trimmed.length > LIMITS.textLength) throw badInput(`text may be at most ${LIMITS.textLength} characters (got ${trimmed.length})`, 'text');
  return trimmed;
}

/** The field's arguments as the resolver will see them; none when they do not coerce (execution reports that). */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function sizeArgument(args: Record<string, unknown>): number | null {
  const added = ADDED_ITEMS.reduce((sum, name) => sum + (Array.isArray(args[name]) ? args[name].length : 0), 0);
  for (const name of SIZE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, value) + added;
  }
  return null;
}

/**
 * The number of values an operation's answer may hold: every field counts once for
 * each item of every list above it, with the sizes its arguments (variables and
 * defaults included) ask for. 10 aliases of `entities(first: 100)` down to the
 * sections of each mention's document come to millions; the explorer's largest
 * (a cluster's platforms, each quote with its marks) to some 55 000.
 */
export function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  // `inherited`: the size an object's argument gives the lists below it (entities(first) → edges, neighborhood(limit) → nodes).
  const cost = (type: GraphQLNamedType, set: SelectionSetNode, multiplier: number, seen: Set<string>, inherited: number | null): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue; // cycles fail validation anyway
        const on = schema.getType(fragment.typeCondition.name.value) ?? type;
        total += cost(on, fragment.selectionSet, multiplier, new Set([...seen, fragment.name.value]), inherited);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? type) : type;
        total += cost(on, selection.selectionSet, multiplier, seen, inherited);
        continue;
      }
      if (selection.name.value.startsWith('__')) continue; // introspection: answered from the schema, bounded by it
      const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
      const field = fields[selection.name.value];
      if (!field) continue; // validation reports it
      total += multiplier * (TEXT_WEIGHT[`${type.name}.${field.name}`] ?? 1);
      if (!selection.selectionSet) continue;
      const size = sizeArgument(argumentsOf(field, selection, variables));
      const child = getNamedType(field.type);
      if (!isCompositeType(child)) continue;
      if (isList(field.type)) {
        const items = size ?? inherited ?? LIST_BOUNDS[`${type.name}.${field.name}`] ?? LIST_DEFAULT;
        total += cost(child, selection.selectionSet, multiplier * items, seen, null);
      } else {
        total += cost(child, selection.selectionSet, multiplier, seen, size);
      }
    }
    return total;
  };
  return cost(root, operation.selectionSet, 1, new Set(), null);
}

function limitError(message: string, limit: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', limit } });
}

/** graphql-armor reports its own wording; the client gets our code and the limit's name. */
function reject(limit: string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const coded = limitError(error.message.replace(/^Syntax Error: /, ''), limit);
    if (!context) throw coded; // the token count runs in the parser, where there is no context to report to
    context.reportError(coded);
  };
}

const armor = new EnvelopArmor({
  maxTokens: { n: LIMITS.tokens, onReject: [reject('tokens')], propagateOnRejection: false },
  maxDepth: { n: LIMITS.queryDepth, ignoreIntrospection: true, onReject: [reject('queryDepth')], propagateOnRejection: false },
  maxAliases: { n: LIMITS.aliases, onReject: [reject('aliases')], propagateOnRejection: false },
  maxDirectives: { n: LIMITS.directives, onReject: [reject('directives')], propagateOnRejection: false },
  // armor's estimate reads literal `first` arguments only; costOf below also reads variables, defaults and `limit`.
  costLimit: { maxCost: LIMITS.cost, ignoreIntrospection: true, onReject: [reject('cost')], propagateOnRejection: false },
  blockFieldSuggestion: { enabled: false },
});

/** The depth of a JSON value, counted without recursion so that a hostile one cannot overflow the stack. */
export function jsonDepth(value: unknown, max: number): number {
  let level: unknown[] = [value];
  let depth = 0;
  while (level.length > 0 && depth <= max) {
    const next: unknown[] = [];
    for (const v of level) if (v && typeof v === 'object') next.push(...Object.values(v));
    if (next.length === 0) break;
    depth += 1;
    level = next;
  }
  return depth;
}

/** Token, depth, alias, directive and cost limits on every operation (the answer's size: boundedAnswer). */
export function useDocumentLimits(): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      for (const plugin of armor.protect().plugins) addPlugin(plugin as Plugin);
    },
    onParams({ params }) {
      if (params.variables && jsonDepth(params.variables, LIMITS.variablesDepth) > LIMITS.variablesDepth) {
        throw limitError(`variables nest deeper than the limit of ${LIMITS.variablesDepth}`, 'variablesDepth');
      }
    },
    onExecute({ args }) {
      const cost = costOf(args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName);
      if (cost > LIMITS.cost)
        throw limitError(
          `the query asks for up to ${cost} values, over the limit of ${LIMITS.cost}; ask for fewer items (first, limit) or fewer nested lists`,
          'cost',
        );
    },
  };
}

/**
 * The answer, or the error naming the limit when its body is over `limit` bytes. Measured on
 * the bytes the HTTP thread will send, which exist anyway: measured on the result before yoga
 * serialised it, every answer was made into JSON twice (5 % of the query thread's CPU for a
 * depth-2 neighbourhood).
 */
export function boundedAnswer(answer: HttpAnswer, limit = LIMITS.responseBytes): HttpAnswer {
  if (answer.body.byteLength <= limit) return answer;
  const error = limitError(`the answer would be ${answer.body.byteLength} bytes, over the limit of ${limit}; ask for fewer items`, 'responseBytes');
  return jsonAnswer(200, { errors: [{ message: error.message, extensions: error.extensions }] });
}
