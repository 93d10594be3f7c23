// Text in, typed graph out: decode (or read the PDF's text layer) → normalise →
// structure → recognise → relate. Pure: no database, no clock, no randomness, so the
// same input gives the same graph.
import { createHash } from 'node:crypto';
import { checkText, decode, type Decoded, type Encoding } from './decode.ts';
import { englishName } from './english-names.ts';
import { IngestError } from './errors.ts';
import { namesBelonging } from './discover.ts';
import { glossary, type Glossary } from './glosses.ts';
import { parseIndicatorTables, type IndicatorRow } from './indicators.ts';
import { relationId, type EntityKind, type RelationType } from './model.ts';
import { normalize } from './normalize.ts';
import { isPdf, pdfText } from './pdf.ts';
import { recognize, type Candidate } from './recognize.ts';
import { toPinyin, type Registry, type RegistryEntry } from './registry.ts';
import { RULES } from './relations/index.ts';
import { boxPrograms } from './relations/box-program.ts';
import { leads } from './relations/leads.ts';
import { NAME_PARENT_METHOD, embeddedParent, embeddedProgramme, phaseOf } from './name-parent.ts';
import { NAME_PLACE_METHOD, branchOf, embeddedCity } from './name-place.ts';
import type { Found, Mentioned, RuleContext, SentenceView, TextView } from './relations/rule.ts';
import { citiesInShortName, cityNamed } from './short-partners.ts';
import { parseStructure, sentenceAt } from './structure.ts';
import {
  REGISTRY_IN_NAME_METHOD,
  REGISTRY_METHOD,
  namesForFact,
  UNSTATED_METHOD,
  nameAlone,
  type Evidence,
  type Gloss,
  type Graph,
  type GraphEdge,
  type GraphNode,
  type Section,
} from './types.ts';

export interface IngestInput {
  /** the file name (or `stdin`), for messages and the default document id */
  source: string;
  bytes: Uint8Array;
  registry: Registry;
  /** find names the registry does not know (on unless a caller turns it off) */
  discover: boolean;
  docId?: string;
  title?: string;
  /** English renderings of the notes under the plan's tables (plan-index.ts) */
  glosses?: readonly Gloss[];
  /** the text, when the caller has already read it (a PDF's text layer, see ingest()); absent: the bytes are decoded */
  decoded?: Decoded;
}

export interface IngestResult {
  graph: Graph;
  encoding: Encoding;
  /** discovered entities, for review (`npm run ingest -- --report`) */
  discovered: GraphNode[];
  timings: Record<string, number>;
}

const DISCOVERED_PROGRAM_CONFIDENCE = 0.8;

export function slug(text: string): string {
  const ascii = /^\p{ASCII}*$/u.test(text) ? text : toPinyin(text);
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** `guangdong-sti-14th-fyp.txt` → `guangdong-sti-14th-fyp`. */
export function documentId(source: string): string {
  const base = source
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]+$/, '');
  const id = slug(base);
  if (!id) throw new IngestError('usage', `cannot derive a document id from ${JSON.stringify(source)}; pass --id`, { source });
  return id;
}

function discoveredId(kind: EntityKind, name: string): string {
  const hash = createHash('sha1').update(`${kind}:${name}`).digest('hex').slice(0, 6);
  return `discovered-${slug(name).slice(0, 40)}-${hash}`;
}

class GraphBuilder {
  readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  constructor(
    private readonly docId: string,
    private readonly text: string,
  ) {}

  fromEntry(entry: RegistryEntry, source: 'registry' | 'gazetteer' = 'registry'): GraphNode {
    let node = this.nodes.get(entry.id);
    if (!node) {
      const props = { ...entry.props, ...(entry.unmentioned ? { unmentioned: entry.unmentioned } : {}) };
      node = {
        id: entry.id,
        kind: entry.kind,
        name: entry.name,
        nameEn: entry.nameEn,
        aliases: entry.aliases,
        pinyin: entry.pinyin,
        source,
        confidence: 1,
        city: entry.city,
        props,
        mentions: [],
      };
      this.nodes.set(entry.id, node);
    }
    return node;
  }

  discovered(kind: EntityKind, name: string, confidence: number, source: GraphNode['source'] = 'discovered'): GraphNode {
    const id = source === 'table' ? `indicator-${slug(name)}` : discoveredId(kind, name);
    let node = this.nodes.get(id);
    if (!node) {
      node = { id, kind, name, nameEn: englishName(name), aliases: [], pinyin: toPinyin(name), source, confidence, city: null, props: {}, mentions: [] };
      this.nodes.set(id, node);
    }
    node.confidence = Math.max(node.confidence, confidence);
    return node;
  }

  mention(node: GraphNode, sentence: Section, start: number, end: number): void {
    if (node.mentions.some((m) => m.start === start && m.end === end)) return;
    node.mentions.push({ docId: this.docId, sectionId: sentence.id, start, end, quote: this.text.slice(sentence.start, sentence.end) });
  }

  /** Has any reading linked these two yet? */
  related(type: RelationType, from: string, to: string): boolean {
    return this.edges.has(relationId(type, from, to));
  }

  /** `lead`: where the plan names the other end, when the sentence only stands under it; quoted first, an ellipsis between. */
  relate(type: RelationType, from: string, to: string, sentence: Section, method: string, confidence: number, lead?: Section): void {
    if (from === to) return;
    const id = relationId(type, from, to);
    let edge = this.edges.get(id);
    if (!edge) {
      edge = { id, type, from, to, evidence: [] };
      this.edges.set(id, edge);
    }
    if (edge.evidence.some((e) => e.sectionId === sentence.id && e.method === method)) return;
    const evidence: Evidence = {
      docId: this.docId,
      sectionId: sentence.id,
      quote: (lead ? `${this.text.slice(lead.start, lead.end)}……` : '') + this.text.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      leadStart: lead ? lead.start : null,
      method,
      confidence,
    };
    edge.evidence.push(evidence);
  }

  finish(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const nodes = [...this.nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
    for (const node of nodes) node.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    const edges = [...this.edges.values()].sort((a, b) => a.id.localeCompare(b.id));
    for (const edge of edges) edge.evidence.sort((a, b) => a.start - b.start || a.method.localeCompare(b.method));
    return { nodes, edges };
  }
}

function addIndicators(builder: GraphBuilder, rows: IndicatorRow[], registry: Registry, glosses: Glossary): void {
  for (const row of rows) {
    const [notesEn, tableNotesEn] = [glosses.english(row.notes), glosses.english(row.tableNotes)];
    const entry = registry.entries.find((e) => e.kind === 'Indicator' && e.row === row.row);
    const node = entry ? builder.fromEntry(entry) : builder.discovered('Indicator', row.name, 1, 'table');
    Object.assign(node.props, {
      row: row.row,
      unit: row.unit,
      baseline: row.baseline,
      // The table's columns are 2020 and 2025 unless a note dates a baseline otherwise.
      baselineYear: row.baselineYear ?? 2020,
      baselineText: row.baselineText,
      target: row.target,
      targetYear: 2025,
      targetText: row.targetText,
      qualifier: row.qualifier,
      // No empty lists: the offline importer cannot write one (the API reads an absent list as empty).
      ...(row.notes.length > 0 ? { notes: row.notes } : {}),
      ...(row.tableNotes.length > 0 ? { tableNotes: row.tableNotes } : {}),
      // In English where every note of the list has its curated gloss, one for one.
      ...(notesEn ? { notesEn } : {}),
      ...(tableNotesEn ? { tableNotesEn } : {}),
      // Where the row stands, for a reader to read it in its table (Indicator.table, Indicator.tableRow).
      table: row.table.id,
      rowSentence: row.sentence.id,
    });
    builder.mention(node, row.sentence, row.sentence.start, row.sentence.end);
  }
}

/**
 * Facts the registry curates (a place's city, a field's clusters …), cited by every sentence that
 * names both ends — side by side (`registry`), or one only inside the other's name (中山翠亨新区,
 * `registry-in-name`: the reader is told so, as 新材料 in 前沿新材料产业集群 is no statement). Where no
 * sentence does, the fact is kept but marked `registry-no-sentence`, pointing at where the plan
 * names its subject (for a corridor's member, the corridor): the quote shows one end, and does not
 * claim to state the link.
 */
function addRegistryFacts(builder: GraphBuilder, registry: Registry, sentences: Section[], text: string): void {
  const spellings = (node: GraphNode) => [node.name, ...node.aliases];
  // Inside, not the same: 高端装备制造 read as the cluster (…等十大战略性新兴产业集群) does not name the field too.
  // A corridor's name lists its cities by their short names (港 in “广深港”科技创新走廊 is 香港), as
  // 广深港科技合作 lists the parties a cooperation is read between.
  const holds = (span: { start: number; end: number }, node: GraphNode, container?: GraphNode) => {
    const named = text.slice(span.start, span.end);
    if (node.kind === 'City' && container?.kind === 'Corridor' && citiesInShortName(named).some((c) => c.city === node.name)) return true;
    return spellings(node).some((name) => name !== named && named.includes(name));
  };
  const naming = (node: GraphNode) => node.mentions.filter(namesForFact);
  // Where an unstated fact points: the first sentence naming the end that says more than the name
  // (太赫兹。, a 专栏 item, is a name alone and showed the reader nothing), else the first naming it.
  const telling = (node: GraphNode) => {
    const named = naming(node);
    return named.find((m) => !nameAlone(m.quote, text.slice(m.start, m.end))) ?? named[0];
  };
  /** The sentences naming both ends, each with how: apart, or one only inside the other's name. */
  const stating = (from: GraphNode, to: GraphNode): [Section, string][] => {
    const apart = new Set<string>();
    const inside = new Set<string>();
    const named = naming(to);
    for (const m of naming(from)) {
      // A mention of one inside the other's name is no separate mention of it: 新材料 in 前沿新材料产业集群.
      const side = named.some((n) => n.sectionId === m.sectionId && (n.end <= m.start || n.start >= m.end));
      if (side) apart.add(m.sectionId);
      else if (holds(m, to, from) || named.some((n) => n.sectionId === m.sectionId)) inside.add(m.sectionId);
    }
    for (const n of named) if (holds(n, from, to)) inside.add(n.sectionId);
    return sentences.filter((s) => apart.has(s.id) || inside.has(s.id)).map((s) => [s, apart.has(s.id) ? REGISTRY_METHOD : REGISTRY_IN_NAME_METHOD]);
  };
  // `subject`: the end whose naming says most about the fact. A corridor's name carries its
  // members (广深港 is 广州, 深圳, 香港): where it is named says more than a member's first mention.
  const cite = (type: RelationType, from: GraphNode, to: GraphNode, subject = from) => {
    const stated = stating(from, to);
    for (const [sentence, method] of stated) builder.relate(type, from.id, to.id, sentence, method, 1);
    // A rule that read the link in a sentence has cited it already: nothing unstated to mark.
    if (stated.length > 0 || builder.related(type, from.id, to.id)) return;
    const other = subject === from ? to : from;
    const named = telling(subject) ?? telling(other) ?? subject.mentions[0] ?? other.mentions[0];
    const sentence = named ? sentenceAt(sentences, named.start) : undefined;
    if (sentence) builder.relate(type, from.id, to.id, sentence, UNSTATED_METHOD, 1);
  };
  for (const node of [...builder.nodes.values()]) {
    const entry = registry.byId.get(node.id);
    if (!entry) continue;
    const facts: [RelationType, string[]][] = [
      ['LOCATED_IN', entry.city ? [entry.city] : []],
      ['PART_OF', entry.partOf],
      ['HOSTED_BY', entry.hostedBy],
      ['RELATED_TO', entry.clusters],
    ];
    for (const [type, targets] of facts) {
      for (const targetId of targets) {
        const target = builder.nodes.get(targetId);
        if (target) cite(type, node, target);
      }
    }
    for (const memberId of entry.members) {
      const member = builder.nodes.get(memberId);
      if (member) cite('IN_CORRIDOR', member, node, node);
    }
  }
}

/**
 * 中山翠亨新区 is in 中山: the city a name embeds is named there too (a mention inside the
 * name, which rules do not read as a mention of its own) and where the named thing is.
 * The registry's own city for an entry comes first. A branch named for its city
 * (合肥实验室深圳基地) is PART_OF what it is a branch of.
 */
function addEmbeddedPlaces(
  builder: GraphBuilder,
  registry: Registry,
  withGazetteer: boolean,
  placed: { node: GraphNode; start: number; end: number }[],
  sentences: Section[],
  text: string,
): void {
  for (const { node, start, end } of placed) {
    if (node.kind === 'Corridor' && !registry.byId.get(node.id)?.members.length)
      addShortNamedMembers(builder, registry, withGazetteer, { node, start, end }, sentences, text);
    const city = embeddedCity(text.slice(start, end), node.kind, registry, withGazetteer);
    const sentence = city ? sentenceAt(sentences, start) : undefined;
    if (!city || !sentence) continue;
    if (!registry.byId.get(node.id)?.city) {
      const cityNode = builder.fromEntry(city.entry, city.source);
      builder.mention(cityNode, sentence, start + city.start, start + city.end);
      builder.relate('LOCATED_IN', node.id, cityNode.id, sentence, NAME_PLACE_METHOD, 0.9);
    }
    // 合肥实验室深圳基地 is a branch of 合肥实验室, which the name names too.
    const parent = branchOf(text.slice(start, end), city);
    if (!parent) continue;
    const entry = registry.entries.find((e) => e.name === parent.name || e.aliases.includes(parent.name));
    const parentNode = entry ? builder.fromEntry(entry) : builder.discovered(parent.kind, parent.name, 0.6);
    builder.mention(parentNode, sentence, start, start + parent.name.length);
    builder.relate('PART_OF', node.id, parentNode.id, sentence, NAME_PLACE_METHOD, 0.9);
  }
}

/**
 * “广深港”科技创新走廊 runs through 广州, 深圳 and 香港, which its name lists by their short names
 * (short-partners.ts): each is named there and IN_CORRIDOR it. Read only where the registry does
 * not list the corridor's members (its facts then cite the same name, addRegistryFacts).
 */
function addShortNamedMembers(
  builder: GraphBuilder,
  registry: Registry,
  withGazetteer: boolean,
  { node, start, end }: { node: GraphNode; start: number; end: number },
  sentences: Section[],
  text: string,
): void {
  const sentence = sentenceAt(sentences, start);
  if (!sentence) return;
  for (const { city, offset } of citiesInShortName(text.slice(start, end))) {
    const named = cityNamed(city, registry, withGazetteer);
    if (!named) continue;
    const cityNode = builder.fromEntry(named.entry, named.source);
    builder.mention(cityNode, sentence, start + offset, start + offset + 1);
    builder.relate('IN_CORRIDOR', cityNode.id, node.id, sentence, NAME_PLACE_METHOD, 0.9);
  }
}

/**
 * 中科院沈阳自动化所广东智能无人系统研究院 names the institute that hosts it, which names the
 * academy it is part of: each organisation a name opens with is mentioned there and related
 * to what it names (name-parent.ts). A base whose name opens with an organisation and quotes a
 * programme (中国科协“海智计划”广东（汕头）工作基地) is hosted by the one and part of the other; a
 * facility's later phase (国家基因库二期) is part of the facility.
 */
function addEmbeddedParents(
  builder: GraphBuilder,
  registry: Registry,
  placed: { node: GraphNode; start: number; end: number }[],
  sentences: Section[],
  text: string,
): void {
  const find = (...names: string[]) => registry.entries.find((e) => names.some((n) => e.name === n || e.aliases.includes(n)));
  for (const { node, start, end } of placed) {
    const sentence = sentenceAt(sentences, start);
    if (!sentence) continue;
    const quoted = node.kind === 'InnovationCenter' ? embeddedProgramme(text.slice(start, end)) : null;
    if (quoted) {
      const bare = quoted.programme.slice(1, -1);
      const hostEntry = find(quoted.host);
      const host = hostEntry ? builder.fromEntry(hostEntry) : builder.discovered('Institution', quoted.host, 0.6);
      builder.mention(host, sentence, start, start + quoted.host.length);
      builder.relate('HOSTED_BY', node.id, host.id, sentence, NAME_PARENT_METHOD, 0.85);
      const programmeEntry = find(bare, quoted.programme);
      const programme = programmeEntry ? builder.fromEntry(programmeEntry) : builder.discovered('Program', quoted.programme, 0.6);
      // The registry's programme is named by its bare name, inside the quotes.
      const at = start + quoted.at + (programmeEntry ? 1 : 0);
      builder.mention(programme, sentence, at, at + (programmeEntry ? bare.length : quoted.programme.length));
      builder.relate('PART_OF', node.id, programme.id, sentence, NAME_PARENT_METHOD, 0.85);
    }
    const whole = node.kind === 'Facility' ? phaseOf(node.name) : null;
    if (whole && text.slice(start, end) === node.name) {
      const wholeEntry = find(whole);
      const wholeNode = wholeEntry ? builder.fromEntry(wholeEntry) : builder.discovered('Facility', whole, 0.6);
      builder.mention(wholeNode, sentence, start, start + whole.length);
      builder.relate('PART_OF', node.id, wholeNode.id, sentence, NAME_PARENT_METHOD, 0.85);
    }
    if (node.kind !== 'Institution') continue;
    let child = node;
    for (let parent = embeddedParent(text.slice(start, end)); parent;) {
      const entry = registry.entries.find((e) => e.name === parent!.name || e.aliases.includes(parent!.name));
      const parentNode = entry ? builder.fromEntry(entry) : builder.discovered('Institution', parent.name, 0.6);
      if (parentNode.id === child.id) break;
      builder.mention(parentNode, sentence, start, start + parent.length);
      builder.relate(parent.type, child.id, parentNode.id, sentence, NAME_PARENT_METHOD, 0.85);
      child = parentNode;
      parent = embeddedParent(text.slice(start, start + parent.length));
    }
  }
}

function sentenceViews(sentences: Section[], text: string, placed: { node: GraphNode; start: number; end: number }[]): SentenceView[] {
  const views = sentences.map((sentence): SentenceView => ({ sentence, text: text.slice(sentence.start, sentence.end), mentions: [] }));
  const byId = new Map(views.map((v) => [v.sentence.id, v]));
  for (const { node, start, end } of placed) {
    const sentence = sentenceAt(sentences, start);
    // A mention of the thing's owner (the vessel of its dock) is one of the entity's, not a party to what the sentence states.
    if (!sentence || namesBelonging(text, end)) continue;
    const mentioned: Mentioned = { nodeId: node.id, kind: node.kind, city: node.city, start, end };
    byId.get(sentence.id)!.mentions.push(mentioned);
  }
  for (const view of views) view.mentions.sort((a, b) => a.start - b.start);
  return views;
}

export function buildGraph(input: IngestInput): IngestResult {
  const timings: Record<string, number> = {};
  const time = <T>(stage: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    timings[stage] = performance.now() - started;
    return result;
  };

  const decoded = input.decoded ?? time('decode', () => decode(input.bytes, input.source));
  const docId = input.docId ?? documentId(input.source);
  const normalized = time('normalize', () => normalize(decoded.text));
  const { text } = normalized;
  const { sections, sentences } = time('structure', () => parseStructure(docId, normalized));
  const candidates = time('recognize', () => recognize(text, input.registry, { discover: input.discover }));

  const builder = new GraphBuilder(docId, text);
  const placed: { node: GraphNode; start: number; end: number }[] = [];
  const place = (candidate: Candidate, node: GraphNode) => {
    const sentence = sentenceAt(sentences, candidate.start);
    if (!sentence) return;
    builder.mention(node, sentence, candidate.start, candidate.end);
    placed.push({ node, start: candidate.start, end: candidate.end });
  };
  time('entities', () => {
    for (const candidate of candidates) {
      const node = candidate.entry
        ? builder.fromEntry(candidate.entry, candidate.method === 'gazetteer' ? 'gazetteer' : 'registry')
        : builder.discovered(candidate.kind, candidate.name ?? candidate.text, candidate.confidence);
      place(candidate, node);
    }
    // Every 专栏 is a program: one the registry does not know is named by its heading.
    for (const box of sections.filter((s) => s.kind === 'box')) {
      const heading = sentences.find((s) => s.parentId === box.id);
      if (!heading || placed.some((p) => p.node.kind === 'Program' && p.start >= heading.start && p.end <= heading.end)) continue;
      const title = text.slice(heading.start, heading.end).replace(/^专栏\s*\d+\s*/, '');
      if (!title) continue;
      const start = heading.end - title.length;
      place(
        { start, end: heading.end, entry: null, kind: 'Program', text: title, method: 'discovery', confidence: DISCOVERED_PROGRAM_CONFIDENCE },
        builder.discovered('Program', title, DISCOVERED_PROGRAM_CONFIDENCE),
      );
    }
    const notes = glossary(input.glosses ?? []);
    addIndicators(
      builder,
      parseIndicatorTables(
        sections.filter((b) => b.kind === 'box'),
        sentences,
        text,
      ),
      input.registry,
      notes,
    );
    notes.checkAllUsed();
    for (const entry of input.registry.entries) if (entry.unmentioned) builder.fromEntry(entry);
  });

  time('relations', () => {
    const view: TextView = {
      text,
      sections,
      sentences: sentenceViews(sentences, text, placed),
      sectionById: new Map(sections.map((s) => [s.id, s])),
    };
    const context: RuleContext = { ...view, boxes: boxPrograms(view), leads: leads(view) };
    for (const rule of RULES) {
      for (const found of rule.apply(context) as Found[]) {
        builder.relate(found.type, found.from, found.to, found.sentence, rule.id, found.confidence, found.lead);
      }
    }
    addRegistryFacts(builder, input.registry, sentences, text);
    addEmbeddedPlaces(builder, input.registry, input.discover, placed, sentences, text);
    addEmbeddedParents(builder, input.registry, placed, sentences, text);
  });

  const { nodes, edges } = builder.finish();
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const title = input.title ?? docId;
  return {
    graph: { documents: [{ id: docId, title, sha256, text }], sections, nodes, edges },
    encoding: decoded.encoding,
    discovered: nodes.filter((n) => n.source === 'discovered'),
    timings,
  };
}

/** The text of a plan file: a PDF's text layer, or decoded text. */
export async function readText(bytes: Uint8Array, source: string): Promise<Decoded> {
  if (!isPdf(bytes, source)) return decode(bytes, source);
  return checkText({ text: await pdfText(bytes, source), encoding: 'pdf' }, source);
}

/** buildGraph() for any plan file, PDF included (reading a PDF is asynchronous). */
export async function ingest(input: IngestInput): Promise<IngestResult> {
  const started = performance.now();
  const decoded = input.decoded ?? (await readText(input.bytes, input.source));
  const read = performance.now() - started;
  const result = buildGraph({ ...input, decoded });
  return { ...result, timings: { decode: read, ...result.timings } };
}
