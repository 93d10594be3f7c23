// Boxes and numbered items are often organised by topic: a box paragraph opens
// with the topic's name alone (新能源产业集群。…, 量子科学。…, 广东省强芯工程。…), or an
// item's heading is the topic (六、新材料). This finds, for every sentence, the topic
// it stands under, so that rules can relate what the sentence names to that topic.
// A box paragraph may also open with the place it is about (推进建设横琴粤澳深度合作区。); a
// paragraph that opens with another subject ends that place's topic.
import type { Section } from '../types.ts';
import { PLACE_KINDS, container, kindIn, type Mentioned, type SentenceView, type TextView } from './rule.ts';

export interface Lead {
  topic: Mentioned;
  /** where the topic is named (the paragraph's opening, the item's heading): quoted with what a rule reads under it */
  sentence: Section;
  /** box-paragraph topics are stated more tightly than item headings */
  confidence: number;
}

/** A sentence that is a name and nothing else: `新能源产业集群。` */
function soleMention(view: SentenceView): Mentioned | undefined {
  const body = view.text.replace(/[。！？；]$/, '').trim();
  const only = view.mentions.length === 1 ? view.mentions[0] : undefined;
  return only && only.end - only.start === body.length ? only : undefined;
}

/** A box paragraph opening with the place it is about: `推进建设横琴粤澳深度合作区。`, `支持汕头建设粤东地区区域创新中心。`. */
const PLACE_OPENING = /^(推进建设|推进|支持|建设|打造)/;
const OPENING_LENGTH = 24;

/** A short first sentence that says what its paragraph will do: `推进建设横琴粤澳深度合作区。`, `支持省科学院打造综合产业技术创新平台。`. */
function isOpening(view: SentenceView): boolean {
  return view.sentence.ordinal === 1 && view.text.length <= OPENING_LENGTH && PLACE_OPENING.test(view.text);
}

function placeOpening(view: SentenceView): Mentioned | undefined {
  if (!isOpening(view)) return undefined;
  const places = view.mentions.filter((m) => kindIn(PLACE_KINDS, m.kind));
  return places.length === 1 ? places[0] : undefined;
}

/** An item heading that is a name: `六、新材料`. */
function headingTopic(context: TextView, item: Section): { topic: Mentioned; sentence: Section } | undefined {
  const view = context.sentences.find((v) => v.sentence.parentId === item.id && v.sentence.start === item.start);
  if (!view) return undefined;
  const title = view.text.replace(/^[一二三四五六七八九十]+、/, '');
  const only = view.mentions.length === 1 ? view.mentions[0] : undefined;
  return only && only.end - only.start === title.length ? { topic: only, sentence: view.sentence } : undefined;
}

/** Several rules ask for the topics of one document's sentences: the pipeline works them out once. */
export function leads(context: TextView): Map<SentenceView, Lead> {
  const result = new Map<SentenceView, Lead>();
  let box: Section | undefined;
  let boxTopic: Omit<Lead, 'confidence'> | undefined;
  for (const view of context.sentences) {
    const currentBox = container(context, view.sentence, ['box']);
    if (currentBox !== box) {
      box = currentBox;
      boxTopic = undefined;
    }
    if (box && view.sentence.parentId !== box.id) {
      const topic = soleMention(view) ?? placeOpening(view);
      if (topic && view.sentence.ordinal === 1) boxTopic = { topic, sentence: view.sentence };
      // 专栏 7: after the 明珠科学园 paragraph, 支持省科学院打造综合产业技术创新平台。 opens a paragraph
      // about the academy, which is not in the park.
      else if (isOpening(view)) boxTopic = undefined;
      if (boxTopic) {
        result.set(view, { ...boxTopic, confidence: 0.8 });
        continue;
      }
    }
    const item = container(context, view.sentence, ['item']);
    const heading = item ? headingTopic(context, item) : undefined;
    if (heading && view.sentence.parentId !== item?.id) result.set(view, { ...heading, confidence: 0.7 });
  }
  return result;
}
