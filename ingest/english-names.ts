// English names for the names discovery finds, from data/lexicon/english.yaml: the registry
// carries its entries' own, and the explorer's English would otherwise show 船舶 or “揭榜挂帅”.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { IngestError } from './errors.ts';

const GLOSSARY_PATH = fileURLToPath(new URL('../data/lexicon/english.yaml', import.meta.url));

function loadGlossary(): Map<string, string> {
  const names = (parse(fs.readFileSync(GLOSSARY_PATH, 'utf8')) as { names?: Record<string, unknown> } | null)?.names ?? {};
  const glossary = new Map<string, string>();
  for (const [name, english] of Object.entries(names)) {
    if (typeof english !== 'string' || english.trim() === '')
      throw new IngestError('registry', `${GLOSSARY_PATH}: ${name} has no English name (${JSON.stringify(english)})`, { path: GLOSSARY_PATH });
    glossary.set(name, english.trim());
  }
  return glossary;
}

let glossary: Map<string, string> | undefined;

/** The English name of a name discovery found, or null where the glossary has none. */
export function englishName(name: string): string | null {
  glossary ??= loadGlossary();
  return glossary.get(name) ?? null;
}
