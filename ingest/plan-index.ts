// Titles and ids of plans, from an index.yaml beside them (data/plans/index.yaml).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { IngestError } from './errors.ts';

export interface PlanMetadata {
  id?: string;
  title?: string;
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
    { id?: string; title?: string } | undefined;
  return entry ? { id: entry.id, title: entry.title } : {};
}
