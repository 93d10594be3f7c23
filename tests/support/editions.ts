// A revised edition of the bundled plan, made by a scripted edit, so that what
// comparing the two editions must answer is known: sentences taken out, a sentence
// put in, and a platform renamed everywhere the plan names it.
import { decode } from '../../ingest/decode.ts';
import { normalize } from '../../ingest/normalize.ts';
import { buildGraph } from '../../ingest/pipeline.ts';
import type { Graph } from '../../ingest/types.ts';
import { bundledRegistry, planBytes } from './plan.ts';

/** The id the tests load the revised edition under, beside the bundled plan. */
export const REVISED_ID = 'guangdong-sti-14th-fyp-revised';

export const REVISION = {
  /** sentences the new edition drops */
  removed: [
    '完善中国（东莞）散裂中子源、国家基因库等已建设施运行管理机制，推动强流重离子加速器、江门中微子实验站等设施加快建设，谋划建设人类细胞谱系装置、冷泉生态系统装置等一批新设施。',
    '支持湛江建设湛江湾实验室，支持湛江高新技术产业开发区、军民融合深度发展示范区、湛江海洋科技产业创新中心等重大平台发展，提升海洋、绿色钢铁、绿色石化、清洁能源等创新型产业集群发展，支持湛江建设海洋科学城。',
  ],
  /** a sentence it adds, at the end of the paragraph the first removed one stood in */
  added: '依托中山大学建设南海海洋数据中心。',
  /** a platform it renames */
  renamed: { from: '松山湖实验室', to: '明珠材料实验室' },
};

/** The plan text with REVISION applied, one paragraph a line. */
export function revisedPlan(bytes: Uint8Array): string {
  let text = normalize(decode(bytes, 'plan.txt').text).text;
  for (const sentence of REVISION.removed) {
    if (!text.includes(sentence)) throw new Error(`the plan no longer holds the sentence to remove: ${sentence}`);
    text = text.replace(sentence, '');
  }
  const anchor = text.indexOf('\n', text.indexOf('谋划一批、建设一批、运行一批'));
  text = `${text.slice(0, anchor)}${REVISION.added}${text.slice(anchor)}`;
  if (!text.includes(REVISION.renamed.from)) throw new Error(`the plan no longer names ${REVISION.renamed.from}`);
  return text.replaceAll(REVISION.renamed.from, REVISION.renamed.to);
}

/** The revised edition through the whole pipeline: a document of its own, or (with the bundled plan's id) a new edition of it. */
export function revisedGraph(edition: { docId?: string; title?: string } = {}): Graph {
  return buildGraph({
    source: 'revised.txt',
    bytes: Buffer.from(revisedPlan(planBytes())),
    registry: bundledRegistry(),
    discover: true,
    docId: edition.docId ?? REVISED_ID,
    ...(edition.title === undefined ? {} : { title: edition.title }),
  }).graph;
}
