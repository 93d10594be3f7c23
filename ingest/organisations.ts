// Organisations a list names without the suffix discovery reads them by: the ministries the province
// works with (加强与科技部、教育部、工业和信息化部对接) and the members of a list of research bodies
// (支持省科学院、省农科院等地方科研机构). The list itself says what its items are.
import { listItems } from './list-items.ts';
import type { Candidate } from './recognize.ts';

/** 与 A部、B部…: two ministries or more that the province works with. */
const MINISTRIES = /(?<=与)((?:\p{Script=Han}{1,7}部、)+\p{Script=Han}{1,7}部)(?=[、和对等])/gu;
/** A、B等(地方)科研机构/科研单位/科研院所: each item is a research body. */
const RESEARCH_BODIES = /(?<=支持|深化|推动)((?:\p{Script=Han}{2,10}、)+\p{Script=Han}{2,10})等(?:地方)?科研(?:机构|单位|院所)/gu;

export function listedOrganisations(folded: string, text: string): Candidate[] {
  return [...listItems(folded, text, MINISTRIES, 'Institution'), ...listItems(folded, text, RESEARCH_BODIES, 'Institution')];
}
