// innograph's Neo4j schema, derived from the kinds in ingest/model.ts and applied
// idempotently (IF NOT EXISTS) every time the app or the tests start.
import { ENTITY_LABEL, KINDS, STRUCTURE_LABELS } from '../ingest/model.ts';
import { ENTITY } from './codec.ts';
import { label } from './cypher.ts';
import type { Executor } from './executor.ts';

export const FULLTEXT_INDEX = 'entity_names';
export const FULLTEXT_ANALYZER = 'cjk';
export const SENTENCE_INDEX = 'sentence_text';

const ID_LABELS = [ENTITY_LABEL, ...KINDS, ...STRUCTURE_LABELS];
const NAME_LABELS = [ENTITY_LABEL, ...KINDS];

function snake(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

export function schemaStatements(): string[] {
  const constraints = ID_LABELS.map((name) => `CREATE CONSTRAINT ${snake(name)}_id IF NOT EXISTS FOR (n:${label(name)}) REQUIRE n.id IS UNIQUE`);
  const nameIndexes = NAME_LABELS.map((name) => `CREATE INDEX ${snake(name)}_name IF NOT EXISTS FOR (n:${label(name)}) ON (n.name)`);
  // cjk splits Han text into bigrams, so 松山湖 matches inside 松山湖科学城 and 松山湖材料实验室.
  const fulltext =
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${ENTITY}) ` +
    `ON EACH [n.name, n.nameEn, n.aliases, n.pinyin] ` +
    `OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${FULLTEXT_ANALYZER}'}}`;
  // Trigram text indexes answer CONTAINS from the index: search's infix match on names and on pinyin without spaces.
  const textIndexes = [
    `CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:${label(ENTITY_LABEL)}) ON (n.name)`,
    `CREATE TEXT INDEX entity_pinyin_key_text IF NOT EXISTS FOR (n:${label(ENTITY_LABEL)}) ON (n.pinyinKey)`,
    `CREATE INDEX entity_pinyin_key IF NOT EXISTS FOR (n:${label(ENTITY_LABEL)}) ON (n.pinyinKey)`,
  ];
  // A document's sections are found by docId when it is replaced, and a reader walks them by parentId.
  const sectionIndexes = [
    'CREATE INDEX section_doc IF NOT EXISTS FOR (s:Section) ON (s.docId)',
    'CREATE INDEX section_parent IF NOT EXISTS FOR (s:Section) ON (s.parentId)',
  ];
  // Only sentences store their text (longer sections are cut from the document), so only they are indexed.
  const sentences =
    `CREATE FULLTEXT INDEX ${SENTENCE_INDEX} IF NOT EXISTS FOR (s:Section) ON EACH [s.text] ` +
    `OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${FULLTEXT_ANALYZER}'}}`;
  return [...constraints, ...nameIndexes, ...textIndexes, ...sectionIndexes, fulltext, sentences];
}

export async function applySchema(executor: Executor): Promise<void> {
  for (const statement of schemaStatements()) {
    await executor.schema(statement);
  }
}

export async function awaitIndexes(executor: Executor, timeoutSeconds = 120): Promise<void> {
  await executor.write('CALL db.awaitIndexes($timeout)', { timeout: timeoutSeconds });
}

export interface SchemaSummary {
  constraints: { name: string; labels: string[]; properties: string[] }[];
  indexes: { name: string; type: string; labels: string[]; properties: string[]; analyzer: string | null }[];
}

export async function describeSchema(executor: Executor): Promise<SchemaSummary> {
  const constraints = await executor.read<{ name: string; labels: string[]; properties: string[] }>(
    'SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes AS labels, properties ORDER BY name',
  );
  const indexes = await executor.read<SchemaSummary['indexes'][number]>(
    'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, options ' +
      "RETURN name, type, labelsOrTypes AS labels, properties, options.indexConfig['fulltext.analyzer'] AS analyzer ORDER BY name",
  );
  return { constraints, indexes };
}
