// One Cypher statement for a whole GraphQL selection: an entity with its city, its
// documents, its mentions, its neighbours and their relations, evidence, sections and
// documents, to any depth the selection asks for, as nested COLLECT subqueries. The API
// hands over the selection as a plain tree (which fields, their arguments, the key the
// response uses); this module turns it into one projection and decodes the result into
// the row shapes the other queries return, each carrying what its fields were folded to
// under FOLDED. A field left out of the tree (one the API could not fold) is resolved
// the usual way, through the loaders.
import type { Evidence } from '../../ingest/types.ts';
import {
  ENTITY,
  decodeEntityPart,
  decodeMention,
  decodeRelation,
  decodeRelationEnds,
  entityPartProjection,
  isEntityField,
  type EntityField,
  type EntityFields,
  type EntityPart,
  evidenceList,
  mentionProjection,
  relationEndsProjection,
  relationProjection,
  relationTypeProjection,
} from '../codec.ts';
import type { DocumentRow, MentionRow, RelationRow, SectionRow } from './rows.ts';

/** Where a decoded object keeps the values of its folded fields, by FieldSelection.key. */
export const FOLDED = Symbol('folded');

export type Folded<T> = T & { [FOLDED]?: Record<string, unknown> };

export interface FieldSelection {
  /** unique among the fields of one object: the API uses the response key and the arguments */
  key: string;
  field: string;
  args: Record<string, unknown>;
  shape: Shape;
}

export interface Shape {
  fields: FieldSelection[];
  /**
   * Every field the selection names on this object, folded or not (what its resolvers will
   * read); absent when no selection is known, and then an entity is read whole.
   */
  names?: readonly string[];
}

export const EMPTY_SHAPE: Shape = { fields: [] };

/** The fields this module can fold, per object type; the API folds only these. */
export const FOLDABLE: Record<string, Record<string, string | null>> = {
  Entity: { city: 'Entity', mentions: 'Mention', neighbors: 'Neighbor', documents: 'Document' },
  Neighbor: { relation: 'Relation', entity: 'Entity' },
  // cited and confidence are computed from the evidence: in the tree so that the evidence is read for them.
  Relation: { from: 'Entity', to: 'Entity', evidence: 'Evidence', cited: null, confidence: null },
  Evidence: { section: 'Section', document: 'Document' },
  Mention: { section: 'Section', document: 'Document' },
  // A section's text is cut from its document's: read only when asked for.
  Section: { text: null, document: 'Document', parent: 'Section', children: 'Section' },
  Document: { sections: 'Section' },
};

/** Entity fields resolved from the entity's id alone, through a fold or a loader. */
const FROM_ID = new Set(['mentions', 'documents', 'neighbors', '__typename']);

/**
 * The entity fields a statement reads for the selections it folds, given with the type
 * each is made on: the fields any of them names, or 'all' when one of them is not known or
 * names a kind-specific prop. Every entity of the statement is read with the same fields,
 * because a relation's ends are taken from the entities read beside it.
 */
export function entityFieldsOf(roots: readonly (readonly [type: string, shape: Shape])[]): EntityFields {
  const fields = new Set<EntityField>();
  const visit = (type: string, shape: Shape): boolean => {
    if (type === 'Entity') {
      if (!shape.names) return false;
      for (const name of shape.names) {
        if (isEntityField(name)) fields.add(name);
        else if (!FROM_ID.has(name)) return false;
      }
    }
    return shape.fields.every((field) => {
      const child = FOLDABLE[type]?.[field.field];
      return child ? visit(child, field.shape) : true;
    });
  };
  return roots.every(([type, shape]) => visit(type, shape)) ? fields : 'all';
}

export interface NeighborValue {
  relation: Folded<RelationRow>;
  entity: Folded<EntityPart>;
  direction: 'OUT' | 'IN';
}

type Raw = Record<string, unknown>;
type Known = Map<string, Folded<EntityPart>>;
/** Reads back one compiled expression; `self` is the object the field belongs to. */
type Decode<T> = (raw: unknown, known: Known, self?: Raw) => T;

interface Compiled<T> {
  cypher: string;
  decode: Decode<T>;
}

/** A folded field: `cypher` null when it reads nothing, its value decoded from what the statement holds already. */
interface FieldRead<T> {
  cypher: string | null;
  decode: Decode<T>;
}

/** A projection and its folds as one map: `{key: expr, f: {…}}`, the folds left out when nothing is folded (most rows of a large answer). */
function withFolds(fields: string, folds: string | null): string {
  return `{${fields}${folds === null ? '' : `, f: ${folds}`}}`;
}

/** The text of a folded section whose text was not selected: Section.text then reads it through the loader. */
export const TEXT_NOT_READ = '';

const SECTION_KEYS = ['id', 'docId', 'parentId', 'kind', 'path', 'title', 'ordinal', 'start', 'end', 'line', 'column'];

/** The Relation fields read from its evidence lists. */
const FROM_EVIDENCE = new Set(['evidence', 'cited', 'confidence']);

export interface CompilerOptions {
  /**
   * `selected`: a relation's evidence lists, most of what it weighs, are read only where the
   * selection asks for a field computed from them; elsewhere the relation is read without
   * (evidence empty, never shown). `all`: always read, for a caller that filters relations by
   * their evidence after reading them (a document filter) or that passes no selection.
   */
  evidence: 'selected' | 'all';
  /** What every entity of the statement is read with (entityFieldsOf); 'all' when absent. */
  entities?: EntityFields;
}

/** Builds one statement: names its variables and parameters, and the decoder that mirrors it. */
export class ProjectionCompiler {
  readonly params: Record<string, unknown> = {};
  private count = 0;

  constructor(private readonly options: CompilerOptions = { evidence: 'all' }) {}

  private name(prefix: string): string {
    this.count += 1;
    return `${prefix}${this.count}`;
  }

  private param(value: unknown): string {
    const name = this.name('fold');
    this.params[name] = value;
    return `$${name}`;
  }

  /** `{key: expr, …}` of the folded fields and the decoders that read them back. */
  private folds(shape: Shape, type: string, compile: (field: FieldSelection) => FieldRead<unknown> | null) {
    const parts: string[] = [];
    const decoders: [string, Decode<unknown>][] = [];
    shape.fields.forEach((field, i) => {
      if (!(field.field in FOLDABLE[type]!)) return;
      const compiled = compile(field);
      if (!compiled) return;
      if (compiled.cypher !== null) parts.push(`f${i}: ${compiled.cypher}`);
      decoders.push([`f${i}\u0000${field.key}`, compiled.decode]);
    });
    // Each key of every row is decoded by the driver: no map at all when nothing is read.
    const cypher = parts.length === 0 ? null : `{${parts.join(', ')}}`;
    const decode = (raw: unknown, known: Known, self: object): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (const [tag, decodeOne] of decoders) {
        const [slot, key] = tag.split('\u0000') as [string, string];
        const value = decodeOne((raw as Raw | undefined)?.[slot], known, self as Raw);
        if (value !== undefined) out[key] = value;
      }
      return out;
    };
    return { cypher, decode };
  }

  private get entityFields(): EntityFields {
    return this.options.entities ?? 'all';
  }

  entity(v: string, shape: Shape): Compiled<Folded<EntityPart>> {
    const folds = this.folds(shape, 'Entity', (field) => this.entityField(v, field));
    return {
      cypher: withFolds(`e: ${entityPartProjection(v, this.entityFields)}`, folds.cypher),
      decode: (raw, known) => {
        const row: Folded<EntityPart> = decodeEntityPart((raw as Raw).e as Raw, this.entityFields);
        const inner = new Map(known).set(row.id, row);
        row[FOLDED] = folds.decode((raw as Raw).f, inner, row);
        return row;
      },
    };
  }

  /**
   * The folds of an entity the statement reads already (a neighbour, as `o`): its fields are
   * not read twice; the value is the neighbour's entity, which the Neighbor decoder passes as `self`.
   */
  private readEntity(v: string, shape: Shape): FieldRead<Folded<EntityPart>> {
    const folds = this.folds(shape, 'Entity', (field) => this.entityField(v, field));
    return {
      cypher: folds.cypher,
      decode: (raw, known, self) => {
        const row = (self as unknown as NeighborValue).entity as Folded<EntityPart>;
        row[FOLDED] = folds.decode(raw, known, row);
        return row;
      },
    };
  }

  private entityField(v: string, field: FieldSelection): FieldRead<unknown> | null {
    switch (field.field) {
      case 'city': {
        const c = this.name('city');
        const inner = this.entity(c, field.shape);
        return {
          cypher: `head(COLLECT { MATCH (${c}:${ENTITY} {id: ${v}.city}) RETURN ${inner.cypher} })`,
          decode: (raw, known) => (raw == null ? null : inner.decode(raw, known)),
        };
      }
      case 'mentions': {
        const m = this.name('m');
        const s = this.name('s');
        const folds = this.folds(field.shape, 'Mention', (f) => this.mentionField(m, s, f));
        return {
          cypher: `COLLECT { MATCH (${v})-[${m}:MENTIONED_IN]->(${s}:Section)
            WITH ${m}, ${s} ORDER BY ${m}.docId, ${m}.start LIMIT ${this.param(field.args.first)}
            RETURN ${withFolds(`m: ${mentionProjection(m, s)}`, folds.cypher)} }`,
          decode: (raw, known, self) =>
            (raw as Raw[]).map((item) => {
              const mention: Folded<MentionRow> = { entityId: self!.id as string, ...decodeMention(item.m as Raw) };
              mention[FOLDED] = folds.decode(item.f, known, mention);
              return mention;
            }),
        };
      }
      case 'documents': {
        // In the order the entity lists them, as the loaders give them.
        const i = this.name('i');
        const d = this.name('d');
        const inner = this.document(d, field.shape);
        return {
          cypher: `COLLECT { UNWIND range(0, size(coalesce(${v}.docs, [])) - 1) AS ${i} MATCH (${d}:Document {id: ${v}.docs[${i}]})
            WITH ${d}, ${i} ORDER BY ${i} RETURN ${inner.cypher} }`,
          decode: (raw, known) => (raw as unknown[]).map((x) => inner.decode(x, known)),
        };
      }
      case 'neighbors': {
        const r = this.name('r');
        const o = this.name('o');
        const folds = this.folds(field.shape, 'Neighbor', (f) => {
          if (f.field === 'relation') return this.relation(r, f.shape);
          if (f.field === 'entity') return this.readEntity(o, f.shape);
          return null;
        });
        const dir = this.name('direction');
        return {
          cypher: `COLLECT { MATCH (${v})-[${r}]-(${o}:${ENTITY}) WHERE type(${r}) IN ${this.param(field.args.relationTypes)}
            WITH ${r}, ${o}, CASE WHEN startNode(${r}) = ${v} THEN 'OUT' ELSE 'IN' END AS ${dir}
            WHERE ${this.param(field.args.direction)} IN ['BOTH', ${dir}]
            WITH ${r}, ${o}, ${dir} ORDER BY type(${r}), ${o}.id LIMIT ${this.param(field.args.first)}
            RETURN ${withFolds(`direction: ${dir}, r: ${relationTypeProjection(r)}, o: ${entityPartProjection(o, this.entityFields)}`, folds.cypher)} }`,
          decode: (raw, known, self) =>
            (raw as Raw[]).map((item) => {
              const other = decodeEntityPart(item.o as Raw, this.entityFields);
              const direction = item.direction as 'OUT' | 'IN';
              const [from, to] = direction === 'OUT' ? [self!.id, other.id] : [other.id, self!.id];
              // Neighbor.relation, when selected, is the folded relation, read with what its own selection needs.
              const relation = decodeRelationEnds({ ...(item.r as Raw), from, to });
              const neighbor: Folded<NeighborValue> = { relation, entity: other, direction };
              neighbor[FOLDED] = folds.decode(item.f, new Map(known).set(other.id, other), neighbor);
              return neighbor;
            }),
        };
      }
      default:
        return null;
    }
  }

  relation(r: string, shape: Shape): Compiled<Folded<RelationRow>> {
    const folds = this.folds(shape, 'Relation', (field) => this.relationField(r, field));
    const evidence = this.options.evidence === 'all' || shape.fields.some((f) => FROM_EVIDENCE.has(f.field));
    return {
      cypher: withFolds(`r: ${evidence ? relationProjection(r) : relationEndsProjection(r)}`, folds.cypher),
      decode: (raw, known) => {
        const row: Folded<RelationRow> = (evidence ? decodeRelation : decodeRelationEnds)((raw as Raw).r as Raw);
        row[FOLDED] = folds.decode((raw as Raw).f, known, row);
        return row;
      },
    };
  }

  private relationField(r: string, field: FieldSelection): FieldRead<unknown> | null {
    switch (field.field) {
      case 'from':
      case 'to': {
        const end = field.field;
        if (!hasFolds(field.shape)) {
          // Both ends are entities the statement already holds (the neighbour and its entity, the subgraph's nodes).
          return { cypher: null, decode: (_, known, self) => known.get(self?.[end] as string) };
        }
        const x = this.name('end');
        const inner = this.entity(x, field.shape);
        return {
          cypher: `head(COLLECT { UNWIND [${end === 'from' ? 'startNode' : 'endNode'}(${r})] AS ${x} RETURN ${inner.cypher} })`,
          decode: (raw, known) => inner.decode(raw, known),
        };
      }
      case 'evidence': {
        if (!hasFolds(field.shape)) return null;
        const i = this.name('i');
        const folds = this.folds(field.shape, 'Evidence', (f) => this.evidenceField(r, i, f));
        return {
          cypher: `COLLECT { UNWIND range(0, size(coalesce(${r}.${evidenceList('docId')}, [])) - 1) AS ${i} WITH ${i} ORDER BY ${i} RETURN ${folds.cypher ?? '{}'} }`,
          decode: (raw, known, self) =>
            (self as unknown as RelationRow).evidence.map((e, k) => {
              const evidence: Folded<Evidence> = { ...e };
              evidence[FOLDED] = folds.decode((raw as unknown[])[k] ?? {}, known, evidence);
              return evidence;
            }),
        };
      }
      default:
        return null;
    }
  }

  private evidenceField(r: string, i: string, field: FieldSelection): FieldRead<unknown> | null {
    const s = this.name('s');
    const d = this.name('d');
    switch (field.field) {
      case 'section': {
        const inner = this.section(s, field.shape);
        return {
          cypher: `head(COLLECT { MATCH (${s}:Section {id: ${r}.${evidenceList('sectionId')}[${i}]}) RETURN ${inner.cypher} })`,
          decode: (raw, known) => (raw == null ? undefined : inner.decode(raw, known)),
        };
      }
      case 'document': {
        const inner = this.document(d, field.shape);
        return {
          cypher: `head(COLLECT { MATCH (${d}:Document {id: ${r}.${evidenceList('docId')}[${i}]}) RETURN ${inner.cypher} })`,
          decode: (raw, known) => (raw == null ? undefined : inner.decode(raw, known)),
        };
      }
      default:
        return null;
    }
  }

  private mentionField(m: string, s: string, field: FieldSelection): FieldRead<unknown> | null {
    switch (field.field) {
      case 'section': {
        const inner = this.section(s, field.shape);
        return { cypher: inner.cypher, decode: (raw, known) => (raw == null ? undefined : inner.decode(raw, known)) };
      }
      case 'document': {
        const d = this.name('d');
        const inner = this.document(d, field.shape);
        return {
          cypher: `head(COLLECT { MATCH (${d}:Document {id: ${m}.docId}) RETURN ${inner.cypher} })`,
          decode: (raw, known) => (raw == null ? undefined : inner.decode(raw, known)),
        };
      }
      default:
        return null;
    }
  }

  section(s: string, shape: Shape): Compiled<Folded<SectionRow>> {
    const d = this.name('d');
    const folds = this.folds(shape, 'Section', (field) => this.sectionField(s, d, field));
    return {
      cypher: `head(COLLECT { MATCH (${d}:Document {id: ${s}.docId}) RETURN ${withFolds(`s: ${s} {${SECTION_KEYS.map((k) => `.${k}`).join(', ')}}`, folds.cypher)} })`,
      decode: (raw, known) => {
        const item = raw as Raw;
        const row: Folded<SectionRow> = { ...(item.s as SectionRow), parentId: ((item.s as Raw).parentId as string | undefined) ?? null, text: TEXT_NOT_READ };
        row[FOLDED] = folds.decode(item.f, known, row);
        return row;
      },
    };
  }

  private sectionField(s: string, d: string, field: FieldSelection): FieldRead<unknown> | null {
    switch (field.field) {
      case 'text':
        return { cypher: sectionText(s, d), decode: (raw) => raw };
      case 'document':
        return this.document(d, field.shape);
      case 'parent': {
        const p = this.name('p');
        const inner = this.section(p, field.shape);
        return {
          cypher: `head(COLLECT { MATCH (${p}:Section {id: ${s}.parentId}) RETURN ${inner.cypher} })`,
          decode: (raw, known) => (raw == null ? null : inner.decode(raw, known)),
        };
      }
      case 'children': {
        const c = this.name('c');
        const inner = this.section(c, field.shape);
        return {
          cypher: `COLLECT { MATCH (${c}:Section {parentId: ${s}.id}) WITH ${c} ORDER BY ${c}.seq RETURN ${inner.cypher} }`,
          decode: (raw, known) => (raw as unknown[]).map((x) => inner.decode(x, known)),
        };
      }
      default:
        return null;
    }
  }

  document(d: string, shape: Shape): Compiled<Folded<DocumentRow>> {
    const folds = this.folds(shape, 'Document', (field) => {
      if (field.field !== 'sections') return null;
      const c = this.name('c');
      const inner = this.section(c, field.shape);
      return {
        cypher: `COLLECT { MATCH (${c}:Section {docId: ${d}.id}) WHERE ${c}.parentId IS NULL WITH ${c} ORDER BY ${c}.seq RETURN ${inner.cypher} }`,
        decode: (raw, known) => (raw as unknown[]).map((x) => inner.decode(x, known)),
      };
    });
    return {
      cypher: withFolds(`d: {id: ${d}.id, title: ${d}.title, sha256: ${d}.sha256}`, folds.cypher),
      decode: (raw, known) => {
        const row: Folded<DocumentRow> = { ...((raw as Raw).d as DocumentRow) };
        row[FOLDED] = folds.decode((raw as Raw).f, known, row);
        return row;
      },
    };
  }
}

function hasFolds(shape: Shape): boolean {
  return shape.fields.length > 0;
}

function sectionText(s: string, d: string): string {
  return `coalesce(${s}.text, substring(${d}.text, toInteger(${s}.start), toInteger(${s}.end - ${s}.start)))`;
}
