// How the typed graph (ingest/types.ts) sits in Neo4j. One table per stored shape —
// an entity's node properties, a mention's MENTIONED_IN relationship, the evidence
// lists on a relation — from which the writer's rows and SET clauses, the removal of
// a document's evidence, the read projections and the decoders are all generated.
// A field added to a table is written, read, exported and removed with the rest.
import { ENTITY_LABEL, isEntityKind, isRelationType, type EntityKind, type RelationType } from '../ingest/model.ts';
import type { Evidence, GraphEdge, GraphNode, Mention, NodeSource, PropValue } from '../ingest/types.ts';
import { label } from './cypher.ts';
import { Float } from './executor.ts';

/** The label every entity carries beside its kind, ready for Cypher text. */
export const ENTITY = label(ENTITY_LABEL);

/** How one field is sent to Neo4j and checked when it comes back. */
interface Column<T> {
  encode(value: T): unknown;
  decode(stored: unknown, field: string): T;
}

function mismatch(stored: unknown, field: string, expected: string): TypeError {
  const found = stored === null || stored === undefined ? 'missing' : `${typeof stored} ${JSON.stringify(stored)}`.slice(0, 80);
  return new TypeError(`stored ${field} is ${found}, not ${expected}: the database does not hold the format graph/codec.ts writes`);
}

const text: Column<string> = {
  encode: (value) => value,
  decode(stored, field) {
    if (typeof stored !== 'string') throw mismatch(stored, field, 'a string');
    return stored;
  },
};

/** Neo4j stores no nulls: an absent property reads back as null. */
const optionalText: Column<string | null> = {
  encode: (value) => value,
  decode: (stored, field) => (stored === null || stored === undefined ? null : text.decode(stored, field)),
};

const texts: Column<string[]> = {
  encode: (value) => value,
  decode(stored, field) {
    if (!Array.isArray(stored) || !stored.every((s) => typeof s === 'string')) throw mismatch(stored, field, 'a list of strings');
    return stored;
  },
};

/**
 * A list that may be empty: Neo4j's offline importer cannot write an empty list and
 * leaves the property out, so an absent one reads back as empty.
 */
const textsOrNone: Column<string[]> = {
  encode: (value) => value,
  decode: (stored, field) => (stored === null || stored === undefined ? [] : texts.decode(stored, field)),
};

/** Offsets and counts: integers, so that substring() and ranges take them as they are. */
const integer: Column<number> = {
  encode: (value) => value,
  decode(stored, field) {
    if (!Number.isInteger(stored)) throw mismatch(stored, field, 'an integer');
    return stored as number;
  },
};

/** An offset that may be absent, in a list (which Neo4j cannot store a null in): -1 for none. */
const offsetOrNone: Column<number | null> = {
  encode: (value) => value ?? -1,
  decode: (stored, field) => (stored === -1 ? null : integer.decode(stored, field)),
};

/** Measures (confidences, baselines, targets): always floats, so hand-written Cypher never meets a Long on one record and a Double on the next. */
const float: Column<number> = {
  encode: (value) => new Float(value),
  decode(stored, field) {
    if (typeof stored !== 'number') throw mismatch(stored, field, 'a number');
    return stored;
  },
};

function oneOf<T extends string>(values: Record<T, true>): Column<T> {
  return {
    encode: (value) => value,
    decode(stored, field) {
      if (typeof stored !== 'string' || !Object.hasOwn(values, stored)) throw mismatch(stored, field, `one of ${Object.keys(values).join(', ')}`);
      return stored as T;
    },
  };
}

const SOURCES: Record<NodeSource, true> = { registry: true, gazetteer: true, discovered: true, table: true };

type Columns<T> = { [K in keyof T]-?: Column<T[K]> };

// ---------------------------------------------------------------- entities

/** An entity as read back: the ingest node without its mentions (those load separately). */
export type EntityRow = Omit<GraphNode, 'mentions'>;

const entityKind: Column<EntityKind> = {
  encode: (value) => value,
  decode(stored, field) {
    if (typeof stored !== 'string' || !isEntityKind(stored)) throw mismatch(stored, field, 'an entity kind');
    return stored;
  },
};

/** Kind-specific props that count or name a year; every other number is a measure, stored as a float. */
const WHOLE_PROPS = new Set(['row', 'baselineYear', 'targetYear']);

/**
 * Kind-specific props sit beside the fields as properties of their own (entityRow spreads
 * them; `propKeys` names them, so decodeEntity gathers them back into one record).
 */
const PROPS: Column<Record<string, PropValue>> = {
  encode: (props) =>
    Object.fromEntries(Object.entries(props).map(([key, value]) => [key, typeof value === 'number' && !WHOLE_PROPS.has(key) ? new Float(value) : value])),
  decode: (stored) => stored as Record<string, PropValue>,
};

/**
 * An entity's fields, in the order of the ingest JSON, each stored as the node property of
 * the same name; `kind` is also the node's label (the projection reads it from there).
 */
const ENTITY_FIELDS: Columns<EntityRow> = {
  id: text,
  kind: entityKind,
  name: text,
  nameEn: optionalText,
  aliases: textsOrNone,
  pinyin: text,
  source: oneOf(SOURCES),
  confidence: float,
  city: optionalText,
  props: PROPS,
};

/**
 * Properties an entity node carries besides its fields: `pinyinKey` is what search matches,
 * `propKeys` tells the kind-specific props from the rest, `docs` the documents that name it
 * (kept by the writer, which adds and takes away one document at a time).
 */
const ENTITY_BOOKKEEPING = ['pinyinKey', 'propKeys', 'docs'] as const;

/** Entity properties whose empty list may be stored as no property at all (see textsOrNone). */
export const LISTS_READ_WHEN_ABSENT: ReadonlySet<string> = new Set([
  ...Object.entries(ENTITY_FIELDS)
    .filter(([, column]) => column === textsOrNone)
    .map(([key]) => key),
  'propKeys',
]);

/** Every property name an entity node holds, but for its kind-specific props. */
export const ENTITY_KEYS: readonly string[] = [...Object.keys(ENTITY_FIELDS).filter((k) => k !== 'props'), ...ENTITY_BOOKKEEPING];

/** The writer's row for an entity: `SET e = row.properties, e:$(row.kind)` (docs are the writer's to keep). */
export function entityRow(node: GraphNode): { id: string; kind: EntityKind; properties: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(ENTITY_FIELDS) as [keyof EntityRow, Column<unknown>][]) {
    // A prop never overwrites a field of the same name.
    if (key === 'props') Object.assign(properties, { ...(column.encode(node.props) as object), ...properties });
    else properties[key] = column.encode(node[key]);
  }
  Object.assign(properties, { pinyinKey: node.pinyin.replace(/\s+/g, ''), propKeys: Object.keys(node.props) });
  return { id: node.id, kind: node.kind, properties };
}

/** Cypher that returns an entity node `v` as the map decodeEntity() reads. */
export function entityProjection(v: string): string {
  return `${v} {.*, kind: ${kindOf(v)}}`;
}

function kindOf(v: string): string {
  return `[l IN labels(${v}) WHERE l <> '${ENTITY_LABEL}'][0]`;
}

/** An entity field a reader may ask for alone; props (kind-specific) come only with the whole row. */
export type EntityField = Exclude<keyof EntityRow, 'props'>;

/** Every entity read carries these: the key it is known by and the kind its GraphQL type is chosen by. */
const ALWAYS_READ = ['id', 'kind'] as const satisfies readonly EntityField[];

/** An entity read with some of its fields: id and kind always, the others only if asked for. */
export type EntityPart = Pick<EntityRow, (typeof ALWAYS_READ)[number]> & Partial<EntityRow>;

/** The fields a reader asks for, or every field and prop ('all'). */
export type EntityFields = ReadonlySet<EntityField> | 'all';

export function isEntityField(name: string): name is EntityField {
  return name !== 'props' && Object.hasOwn(ENTITY_FIELDS, name);
}

/**
 * Cypher that returns an entity node `v` with the given fields only, as decodeEntityPart()
 * reads it: a reader that shows a neighbour's id and name has Neo4j read two properties, not
 * twenty.
 */
export function entityPartProjection(v: string, fields: EntityFields): string {
  if (fields === 'all') return entityProjection(v);
  const read = [...fields].filter((f) => f !== 'kind' && f !== 'id').map((f) => `.${f}`);
  return `${v} {${['.id', ...read, `kind: ${kindOf(v)}`].join(', ')}}`;
}

/** Reads what entityPartProjection() returned: the fields asked for, each checked as decodeEntity checks it. */
export function decodeEntityPart(stored: Record<string, unknown>, fields: EntityFields): EntityPart {
  if (fields === 'all') return decodeEntity(stored);
  const at = (field: string) => `entity ${String(stored.id)}'s ${field}`;
  const part: Record<string, unknown> = {};
  for (const key of new Set<EntityField>([...ALWAYS_READ, ...fields])) part[key] = ENTITY_FIELDS[key].decode(stored[key], at(key));
  return part as EntityPart;
}

/** Whether an entity was read whole, so that it may stand in for one wherever whole rows are expected (a loader's cache). */
export function isWholeEntity(entity: EntityPart): entity is EntityRow {
  return Object.keys(ENTITY_FIELDS).every((key) => Object.hasOwn(entity, key));
}

export function decodeEntity(stored: Record<string, unknown>): EntityRow {
  const at = (field: string) => `entity ${String(stored.id)}'s ${field}`;
  const props: Record<string, PropValue> = {};
  for (const key of textsOrNone.decode(stored.propKeys, at('propKeys'))) props[key] = (stored[key] as PropValue | undefined) ?? null;
  const entity = {} as Record<string, unknown>;
  for (const [key, column] of Object.entries(ENTITY_FIELDS)) entity[key] = column.decode(key === 'props' ? props : stored[key], at(key));
  return entity as EntityRow;
}

// ---------------------------------------------------------------- mentions

/** A mention's fields, in the order of the ingest JSON. */
const MENTION_FIELDS: Columns<Mention> = { docId: text, sectionId: text, start: integer, end: integer, quote: text };

/** Fields a mention takes from the section it points to; the rest are properties of its MENTIONED_IN relationship. */
const FROM_SECTION: Partial<Record<keyof Mention, string>> = { sectionId: 'id', quote: 'text' };

export const MENTION_KEYS: readonly string[] = Object.keys(MENTION_FIELDS).filter((k) => !Object.hasOwn(FROM_SECTION, k));

/** The writer's row for a mention: `CREATE (e)-[m:MENTIONED_IN]->(s) SET m = row.properties`. */
export function mentionRow(entityId: string, mention: Mention): { entity: string; section: string; properties: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  for (const key of MENTION_KEYS as (keyof Mention)[]) properties[key] = (MENTION_FIELDS[key] as Column<unknown>).encode(mention[key]);
  return { entity: entityId, section: mention.sectionId, properties };
}

/** Cypher that returns the mention `m` of section `s` as the map decodeMention() reads. */
export function mentionProjection(m: string, s: string): string {
  const fromSection = Object.entries(FROM_SECTION).map(([field, property]) => `${field}: ${s}.${property}`);
  return `${m} {.*, ${fromSection.join(', ')}}`;
}

export function decodeMention(stored: Record<string, unknown>): Mention {
  const at = (field: string) => `mention in ${String(stored.sectionId)}'s ${field}`;
  const mention = {} as Record<string, unknown>;
  for (const [key, column] of Object.entries(MENTION_FIELDS)) mention[key] = column.decode(stored[key], at(key));
  return mention as unknown as Mention;
}

/** Where a mention stands, without its sentence: its document and offsets. */
export type MentionSpan = Pick<Mention, 'docId' | 'start' | 'end'>;

const SPAN_FIELDS = ['docId', 'start', 'end'] as const satisfies readonly (keyof MentionSpan)[];

/** Cypher that returns the place of the mention `m` (a MENTIONED_IN relationship) as decodeMentionSpan() reads it. */
export function mentionSpanProjection(m: string): string {
  return `${m} {${SPAN_FIELDS.map((f) => `.${f}`).join(', ')}}`;
}

export function decodeMentionSpan(stored: Record<string, unknown>): MentionSpan {
  const span = {} as Record<string, unknown>;
  for (const key of SPAN_FIELDS) span[key] = (MENTION_FIELDS[key] as Column<unknown>).decode(stored[key], `mention's ${key}`);
  return span as MentionSpan;
}

// ---------------------------------------------------------------- relations and their evidence

/**
 * A relation holds its evidence as parallel lists, one entry per citation, so that one
 * MERGEd relationship can carry the citations of several documents; `evidenceQuotes`
 * puts the sentence of every citation on the relationship itself. `before`: for a list added since
 * the first format, what each of its entries reads as on a relation stored without it.
 */
const EVIDENCE_FIELDS: { [K in keyof Evidence]-?: { stored: string; column: Column<Evidence[K]>; before?: unknown } } = {
  docId: { stored: 'evidenceDocs', column: text },
  sectionId: { stored: 'evidenceSections', column: text },
  quote: { stored: 'evidenceQuotes', column: text },
  start: { stored: 'evidenceStarts', column: integer },
  end: { stored: 'evidenceEnds', column: integer },
  leadStart: { stored: 'evidenceLeadStarts', column: offsetOrNone, before: offsetOrNone.encode(null) },
  method: { stored: 'evidenceMethods', column: text },
  confidence: { stored: 'evidenceConfidences', column: float },
};

const EVIDENCE_LISTS = Object.values(EVIDENCE_FIELDS).map((f) => f.stored);

/** The stored list that holds one evidence field on a relationship, for Cypher that filters on it. */
export function evidenceList(field: keyof Evidence): string {
  return EVIDENCE_FIELDS[field].stored;
}

/** The lists added since the first format, each with what its entries read as on a relation stored without it. */
const ADDED_LISTS = Object.values(EVIDENCE_FIELDS).flatMap(({ stored, before }) => (before === undefined ? [] : [{ stored, before }]));

/**
 * A sweep (match, variable, body) that gives each relationship an earlier version stored the lists
 * added since, each entry as `before` says: it then appends and drops as one written now (it reads
 * as one already: decodeRelation).
 */
export const EVIDENCE_UPGRADE = {
  match: `MATCH (:${ENTITY})-[r]->(:${ENTITY}) WHERE r.${evidenceList('docId')} IS NOT NULL AND (${ADDED_LISTS.map((l) => `r.${l.stored} IS NULL`).join(' OR ')})`,
  each: 'r',
  body: `SET ${ADDED_LISTS.map((l) => `r.${l.stored} = coalesce(r.${l.stored}, [d IN r.${evidenceList('docId')} | ${JSON.stringify(l.before)}])`).join(', ')}`,
};

/** Every property name a relation holds (its type and endpoints are the relationship's own). */
export const RELATION_KEYS: readonly string[] = ['id', ...EVIDENCE_LISTS];

/** The writer's row for a relation; APPEND_EVIDENCE adds its lists to the relationship `r`. */
export function relationRow(edge: GraphEdge): Record<string, unknown> {
  const row: Record<string, unknown> = { id: edge.id, type: edge.type, from: edge.from, to: edge.to };
  for (const [field, { stored, column }] of Object.entries(EVIDENCE_FIELDS) as [keyof Evidence, { stored: string; column: Column<unknown> }][]) {
    row[stored] = edge.evidence.map((e) => column.encode(e[field]));
  }
  return row;
}

/** SET clauses for a MERGEd relationship `r` and a relationRow `row`: the row's evidence is appended. */
export const APPEND_EVIDENCE = `ON CREATE SET r.id = row.id, ${EVIDENCE_LISTS.map((l) => `r.${l} = []`).join(', ')}
     SET ${EVIDENCE_LISTS.map((l) => `r.${l} = r.${l} + row.${l}`).join(',\n         ')}`;

/** SET clauses for a relationship `r` just CREATEd from a relationRow `row`. */
export const SET_EVIDENCE = `SET r.id = row.id, ${EVIDENCE_LISTS.map((l) => `r.${l} = row.${l}`).join(', ')}`;

/** Cypher over a relationship `r` that takes away the evidence of document $doc, deleting `r` if none is left. */
export const DROP_DOCUMENT_EVIDENCE = `WITH r, [i IN range(0, size(r.${evidenceList('docId')}) - 1) WHERE r.${evidenceList('docId')}[i] <> $doc] AS keep
     SET ${EVIDENCE_LISTS.map((l) => `r.${l} = [i IN keep | r.${l}[i]]`).join(',\n         ')}
     WITH r WHERE size(r.${evidenceList('docId')}) = 0
     DELETE r`;

/** Cypher that returns a relationship `r` as the map decodeRelation() reads. */
export function relationProjection(r: string): string {
  return `${r} {.*, type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id}`;
}

/**
 * Cypher that returns a relationship `r` without its evidence, as decodeRelationEnds() reads it:
 * for a reader of the relation that shows nothing computed from its evidence.
 */
export function relationEndsProjection(r: string): string {
  return `{id: ${r}.id, type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id}`;
}

/**
 * Cypher that returns a relationship `r` as its id and type alone, for a reader that knows
 * which entity is at each end (from the direction it matched it in): decodeRelationEnds()
 * reads it once `from` and `to` are added.
 */
export function relationTypeProjection(r: string): string {
  return `{id: ${r}.id, type: type(${r})}`;
}

/** A relation read without its evidence: the list is left empty, so it must never reach a reader of the relation. */
export function decodeRelationEnds(stored: Record<string, unknown>): GraphEdge {
  return decodeRelation({ ...stored, ...Object.fromEntries(EVIDENCE_LISTS.map((list) => [list, []])) });
}

export function decodeRelation(stored: Record<string, unknown>): GraphEdge {
  const at = (field: string) => `relation ${String(stored.id)}'s ${field}`;
  const type = stored.type;
  if (typeof type !== 'string' || !isRelationType(type)) throw mismatch(type, at('type'), 'a relation type');
  const lists = new Map<string, unknown[]>();
  const docs = stored[evidenceList('docId')];
  const count = Array.isArray(docs) ? docs.length : 0;
  for (const { stored: name, before } of Object.values(EVIDENCE_FIELDS)) {
    // A database an earlier version wrote, and none has loaded since, is read as it is.
    const list = stored[name] ?? (before === undefined ? undefined : Array.from({ length: count }, () => before));
    if (!Array.isArray(list)) throw mismatch(list, at(name), 'a list');
    lists.set(name, list);
  }
  for (const [name, list] of lists) if (list.length !== count) throw mismatch(list, at(name), `a list of ${count}, like the other evidence lists`);
  const evidence = Array.from({ length: count }, (_, i) => {
    const one = {} as Record<string, unknown>;
    for (const [field, { stored: name, column }] of Object.entries(EVIDENCE_FIELDS)) one[field] = column.decode(lists.get(name)![i], at(`${name}[${i}]`));
    return one as unknown as Evidence;
  });
  return {
    id: text.decode(stored.id, at('id')),
    type: type as RelationType,
    from: text.decode(stored.from, at('from')),
    to: text.decode(stored.to, at('to')),
    evidence,
  };
}
