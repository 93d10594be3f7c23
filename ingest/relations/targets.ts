// A program TARGETS the indicators its box sets values for: 专栏 1's table, or
// 专栏 10 … 力争到 2025 年，全社会基础研究经费投入占研发经费比重达 10%.
import type { Found, RelationRule } from './rule.ts';

export const targets: RelationRule = {
  id: 'targets',
  apply(context) {
    const found: Found[] = [];
    for (const { program, body } of context.boxes) {
      for (const view of body) {
        for (const indicator of view.mentions.filter((m) => m.kind === 'Indicator')) {
          found.push({ type: 'TARGETS', from: program.nodeId, to: indicator.nodeId, sentence: view.sentence, confidence: 0.9 });
        }
      }
    }
    return found;
  },
};
