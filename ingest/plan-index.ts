// Titles, ids and English glosses of plans, from an index.yaml beside them (data/plans/index.yaml).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { IngestError } from './errors.ts';
import type { Gloss } from './types.ts';

export interface PlanMetadata {
  id?: string;
  title?: string;
  /** English renderings of the notes under the plan's tables (ingest checks each is one of them) */
  glosses?: Gloss[];
}

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function glossesOf(entry: Record<string, unknown>, where: string): Gloss[] | undefined {
  if (entry.glosses === undefined) return undefined;
  const list = entry.glosses;
  const bad = (i: number) =>
    new IngestError('registry', `${where}: glosses[${i}] must be a mapping with a non-empty zh (the plan's words) and en (in English)`, { index: where });
  if (!Array.isArray(list)) throw new IngestError('registry', `${where}: glosses must be a list`, { index: where });
  return list.map((item: unknown, i) => {
    const gloss = item as Record<string, unknown> | null;
    if (typeof gloss !== 'object' || gloss === null || !filled(gloss.zh) || !filled(gloss.en)) throw bad(i);
    return { zh: gloss.zh, en: gloss.en };
  });
}

export function planMetadata(file: string): PlanMetadata {
  const index = path.join(path.dirname(file), 'index.yaml');
  if (!fs.existsSync(index)) return {};
  let entries: unknown;
  try {
    entries = parse(fs.readFileSync(index, 'utf8'));
  } catch (error) {
    throw new IngestError('read', `${index}: not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, { index });
  }
  if (!Array.isArray(entries)) return {};
  const entry = entries.find((e) => typeof e === 'object' && e !== null && (e as { file?: string }).file === path.basename(file)) as
    Record<string, unknown> | undefined;
  if (!entry) return {};
  const glosses = glossesOf(entry, `${index} (${path.basename(file)})`);
  return {
    id: entry.id as string | undefined,
    title: entry.title as string | undefined,
    ...(glosses ? { glosses } : {}),
  };
}
