// What one request may ask for. Over a limit, the client gets BAD_USER_INPUT
// naming the limit, before anything reaches Neo4j.
import { GraphQLError, Kind, parse, type ASTNode, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_DEPTH } from '../graph/queries/neighborhood.ts';
import { MAX_HOPS } from '../graph/queries/paths.ts';
import { badInput } from './errors.ts';

export const LIMITS = {
  textLength: 200, // characters of a search text
  searchFirst: 50, // search hits
  entitiesFirst: 100, // a page of entities
  ids: 50, // start entities of a neighborhood
  documents: 50, // documents in a `documents` filter
  depth: MAX_DEPTH, // links from the start of a neighborhood
  nodes: 500, // entities in one subgraph
  maxHops: MAX_HOPS, // length of a path
  paths: 20, // paths returned
  mentions: 50, // mentions of one entity
  neighbors: 200, // links of one entity
  queryDepth: 10, // nesting of selection sets
  aliases: 30, // aliased fields in one operation
  tokens: 2000, // lexical tokens of one document
  bodyBytes: 100 * 1024, // of one request: 2000 tokens and their variables fit many times over
};

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

function depthOf(node: ASTNode, fragments: Map<string, ASTNode>, seen: Set<string>): number {
  if (node.kind === Kind.FRAGMENT_SPREAD) {
    const fragment = fragments.get(node.name.value);
    if (!fragment || seen.has(node.name.value)) return 0;
    return depthOf(fragment, fragments, new Set([...seen, node.name.value]));
  }
  if (!('selectionSet' in node) || !node.selectionSet) return 0;
  const nested = node.selectionSet.selections.map((s) => depthOf(s, fragments, seen));
  return (node.kind === Kind.FIELD ? 1 : 0) + Math.max(0, ...nested);
}

const documentLimits: ValidationRule = (context) => ({
  Document(document) {
    const fragments = new Map<string, ASTNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    for (const d of document.definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION) continue;
      const depth = depthOf(d, fragments, new Set());
      if (depth > LIMITS.queryDepth) {
        context.reportError(new GraphQLError(`query depth ${depth} exceeds the limit of ${LIMITS.queryDepth}`, { extensions: { code: 'BAD_USER_INPUT', limit: 'queryDepth' } }));
      }
    }
    let aliases = 0;
    const count = (node: ASTNode) => {
      if (node.kind === Kind.FIELD && node.alias) aliases += 1;
      if ('selectionSet' in node && node.selectionSet) for (const s of node.selectionSet.selections) count(s);
    };
    for (const d of document.definitions) count(d);
    if (aliases > LIMITS.aliases) {
      context.reportError(new GraphQLError(`${aliases} aliases exceed the limit of ${LIMITS.aliases}`, { extensions: { code: 'BAD_USER_INPUT', limit: 'aliases' } }));
    }
  },
});

/** Token, depth and alias limits on every operation. */
export function useDocumentLimits(): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: LIMITS.tokens });
        } catch (error) {
          if (error instanceof GraphQLError && /more th\w+ \d+ tokens/i.test(error.message)) {
            throw new GraphQLError(`the document exceeds the limit of ${LIMITS.tokens} tokens`, { extensions: { code: 'BAD_USER_INPUT', limit: 'tokens' } });
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(documentLimits);
    },
  };
}
