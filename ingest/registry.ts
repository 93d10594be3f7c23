// The curated registry (data/registry/*.yaml): stable ids, names as the plan writes
// them, official English names, aliases, and the curated facts (a place's city, a
// field's clusters …). Loading validates everything and reports every problem at once.
import fs from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { parse } from 'yaml';
import { IngestError } from './errors.ts';
import { closedProps, isEntityKind, type EntityKind } from './model.ts';
import { fold } from './normalize.ts';
import type { PropValue } from './types.ts';

export interface RegistryEntry {
  id: string;
  kind: EntityKind;
  name: string;
  nameEn: string;
  aliases: string[];
  /** short forms that count only inside enumerations (新能源、新材料等领域) */
  abbreviations: string[];
  pinyin: string;
  city: string | null;
  partOf: string[];
  hostedBy: string[];
  /** Field → IndustryCluster ids (RELATED_TO) */
  clusters: string[];
  /** Corridor → City ids (IN_CORRIDOR) */
  members: string[];
  /** the row of 专栏 1's table an Indicator stands for */
  row: number | null;
  /** why an entity the plan never names by itself is still in the graph */
  unmentioned: string | null;
  props: Record<string, PropValue>;
  /** file:position, for error messages */
  origin: string;
}

export interface Registry {
  entries: RegistryEntry[];
  byId: Map<string, RegistryEntry>;
}

export const EMPTY_REGISTRY: Registry = { entries: [], byId: new Map() };

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Fields with a meaning of their own; anything else on an entry becomes a kind-specific prop. */
const KNOWN = new Set(['id', 'kind', 'name', 'nameEn', 'aliases', 'abbreviations', 'city', 'partOf', 'hostedBy', 'clusters', 'members', 'row', 'unmentioned']);
const REFERENCES = ['partOf', 'hostedBy', 'clusters', 'members'] as const;

/** Pinyin without tones, one syllable per word, ü as v: 松山湖科学城 → song shan hu ke xue cheng, 绿色 → lv se. */
export function toPinyin(name: string): string {
  return pinyin(name, { toneType: 'none', nonZh: 'consecutive', v: true })
    .toLowerCase()
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function strings(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) return null;
  return value as string[];
}

function toEntry(raw: unknown, origin: string, problems: string[]): RegistryEntry | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${origin}: an entry must be a mapping`);
    return null;
  }
  const r = raw as Record<string, unknown>;
  const where = `${origin} (${String(r.id ?? 'no id')})`;
  const before = problems.length;
  if (typeof r.id !== 'string' || !ID.test(r.id)) problems.push(`${where}: id must be a lowercase slug such as pengcheng-lab`);
  if (typeof r.kind !== 'string' || !isEntityKind(r.kind)) problems.push(`${where}: unknown kind ${JSON.stringify(r.kind)}`);
  if (typeof r.name !== 'string' || r.name.trim() === '') problems.push(`${where}: name is missing`);
  if (typeof r.nameEn !== 'string' || r.nameEn.trim() === '') problems.push(`${where}: nameEn (the English name) is missing`);
  const lists: Record<string, string[]> = {};
  for (const field of ['aliases', 'abbreviations', ...REFERENCES]) {
    const list = strings(r[field]);
    if (list === null) problems.push(`${where}: ${field} must be a list of non-empty strings`);
    lists[field] = list ?? [];
  }
  if (r.row !== undefined && !Number.isInteger(r.row)) problems.push(`${where}: row must be a whole number`);
  if (r.city !== undefined && typeof r.city !== 'string') problems.push(`${where}: city must be a city id`);
  const props: Record<string, PropValue> = {};
  for (const [key, value] of Object.entries(r)) {
    if (KNOWN.has(key)) continue;
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      problems.push(`${where}: ${key} must be a string, number or boolean`);
      continue;
    }
    props[key] = value as PropValue;
  }
  const closed = isEntityKind(String(r.kind)) ? closedProps(r.kind as EntityKind) : {};
  for (const [prop, values] of Object.entries(closed)) {
    const allowed = Object.keys(values);
    if (props[prop] === undefined) problems.push(`${where}: ${prop} is required for ${String(r.kind)} (one of ${allowed.join(', ')})`);
    else if (!allowed.includes(String(props[prop]))) problems.push(`${where}: ${prop} ${JSON.stringify(props[prop])} is not one of ${allowed.join(', ')}`);
  }
  if (problems.length > before) return null;
  const name = r.name as string;
  return {
    id: r.id as string,
    kind: r.kind as EntityKind,
    name,
    nameEn: r.nameEn as string,
    aliases: lists.aliases!,
    abbreviations: lists.abbreviations!,
    pinyin: toPinyin(name),
    city: (r.city as string | undefined) ?? null,
    partOf: lists.partOf!,
    hostedBy: lists.hostedBy!,
    clusters: lists.clusters!,
    members: lists.members!,
    row: (r.row as number | undefined) ?? null,
    unmentioned: typeof r.unmentioned === 'string' ? r.unmentioned : null,
    props,
    origin,
  };
}

/** Cross-entry checks: unique ids, unique spellings, references that resolve to the right kinds. */
function checkConsistency(entries: RegistryEntry[], problems: string[]): void {
  const byId = new Map<string, RegistryEntry>();
  for (const entry of entries) {
    const twin = byId.get(entry.id);
    if (twin) problems.push(`${entry.origin}: duplicate id ${entry.id} (also at ${twin.origin})`);
    else byId.set(entry.id, entry);
  }
  const spellings = new Map<string, RegistryEntry>();
  for (const entry of entries) {
    for (const spelling of new Set([entry.name, ...entry.aliases].map(fold))) {
      const twin = spellings.get(spelling);
      if (twin && twin.id !== entry.id) problems.push(`${entry.origin}: name or alias ${spelling} is also used by ${twin.id} (${twin.origin})`);
      else spellings.set(spelling, entry);
    }
  }
  const expect = (entry: RegistryEntry, field: string, ids: string[], kinds: EntityKind[] | null) => {
    for (const id of ids) {
      const target = byId.get(id);
      if (!target) problems.push(`${entry.origin}: ${field} names unknown id ${id}`);
      else if (kinds && !kinds.includes(target.kind)) problems.push(`${entry.origin}: ${field} ${id} is a ${target.kind}, expected ${kinds.join(' or ')}`);
    }
  };
  for (const entry of entries) {
    expect(entry, 'city', entry.city ? [entry.city] : [], ['City']);
    expect(entry, 'partOf', entry.partOf, null);
    expect(entry, 'hostedBy', entry.hostedBy, null);
    expect(entry, 'clusters', entry.clusters, ['IndustryCluster']);
    expect(entry, 'members', entry.members, ['City', 'ScienceCity', 'Zone']);
  }
}

/** Reads and validates every *.yaml file of a registry folder; throws one IngestError listing all problems. */
export function loadRegistry(dir: string): Registry {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new IngestError('registry', `registry folder ${dir} does not exist`, { dir });
  }
  const problems: string[] = [];
  const entries: RegistryEntry[] = [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
      continue;
    }
    if (parsed === null || parsed === undefined) continue;
    if (!Array.isArray(parsed)) {
      problems.push(`${file}: must be a list of entries`);
      continue;
    }
    parsed.forEach((raw, index) => {
      const entry = toEntry(raw, `${file}#${index + 1}`, problems);
      if (entry) entries.push(entry);
    });
  }
  checkConsistency(entries, problems);
  if (problems.length > 0) {
    throw new IngestError('registry', `the registry in ${dir} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`, { dir, problems });
  }
  return { entries, byId: new Map(entries.map((e) => [e.id, e])) };
}
