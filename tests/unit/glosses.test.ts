import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../ingest/glosses.ts';
import { buildGraph } from '../../ingest/pipeline.ts';
import { planMetadata } from '../../ingest/plan-index.ts';
import { PLAN_PATH, bundledRegistry, planBytes, planGraph } from '../support/plan.ts';
import { ingestError } from '../support/ingest-error.ts';

const thrown = (work: () => unknown) => ingestError(work, 'the glosses');

describe('a glossary of a plan’s notes', () => {
  const glosses = [
    { zh: '乙指标为累计数。', en: 'B is a cumulative count.' },
    { zh: '以上指标均为预期性指标。', en: 'All the indicators above are anticipatory.' },
  ];

  it('renders a list of notes in English one for one, whatever spaces the PDF left in the plan’s words', () => {
    expect(glossary(glosses).english(['以上指标均为 预期性指标。', '乙指标为累计数。'])).toEqual([
      'All the indicators above are anticipatory.',
      'B is a cumulative count.',
    ]);
  });

  it('renders no list of which one note has no gloss, nor an empty one', () => {
    const notes = glossary(glosses);
    expect(notes.english(['乙指标为累计数。', '丙指标为 2019 年数据。'])).toBeNull();
    expect(notes.english([])).toBeNull();
  });

  it('refuses a gloss no note took, naming its words', () => {
    const notes = glossary(glosses);
    notes.english(['乙指标为累计数。', '丙指标为 2019 年数据。']);
    const error = thrown(() => notes.checkAllUsed());
    expect(error.code).toBe('registry');
    expect(error.message).toContain('“以上指标均为预期性指标。”');
    expect(error.message).not.toContain('乙指标');
  });
});

describe('the bundled plan’s glosses', () => {
  const indicators = planGraph().nodes.filter((n) => n.kind === 'Indicator');
  const list = (value: unknown) => (value ?? []) as string[];

  it('render every note under 专栏 1’s table in English, one for one', () => {
    const glossed = indicators.filter((n) => list(n.props.notes).length > 0);
    expect(glossed.map((n) => n.name).sort()).toEqual(['全社会研发经费投入增长', '每万人研发人员全时当量', '海外发明专利授权量']);
    for (const n of indicators) {
      expect(list(n.props.notesEn), n.name).toHaveLength(list(n.props.notes).length);
      expect(list(n.props.tableNotesEn), n.name).toEqual([expect.stringContaining('anticipatory')]);
    }
    const growth = indicators.find((n) => n.name === '全社会研发经费投入增长')!;
    expect(list(growth.props.notesEn)[0]).toContain('average annual growth over the 13th (2016–2020) and the 14th (2021–2025)');
  });

  it('are refused, nothing built, where one quotes words the plan’s notes do not hold', () => {
    const meta = planMetadata(PLAN_PATH);
    const glosses = [...meta.glosses!, { zh: '技术合同成交额为 2019 年数据。', en: 'Turnover of technology contracts is for 2019.' }];
    const error = thrown(() => buildGraph({ ...meta, glosses, source: PLAN_PATH, bytes: planBytes(), registry: bundledRegistry(), discover: true }));
    expect(error.message).toContain('“技术合同成交额为 2019 年数据。”');
  });
});

describe('glosses in a plans index', () => {
  const indexed = (yaml: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-index-'));
    fs.writeFileSync(path.join(dir, 'index.yaml'), yaml);
    return path.join(dir, 'plan.txt');
  };

  it('are read with the plan’s id and title', () => {
    const file = indexed('- { file: plan.txt, id: p, title: 规划, glosses: [{ zh: 注。, en: A note. }] }\n');
    expect(planMetadata(file)).toEqual({ id: 'p', title: '规划', glosses: [{ zh: '注。', en: 'A note.' }] });
  });

  it('are refused where one has no English, saying which and where', () => {
    const file = indexed('- { file: plan.txt, id: p, glosses: [{ zh: 注。, en: A note. }, { zh: 又注。 }] }\n');
    const error = thrown(() => planMetadata(file));
    expect(error.message).toContain('glosses[1]');
    expect(error.message).toContain('index.yaml (plan.txt)');
  });

  it('are refused where they are not a list', () => {
    expect(thrown(() => planMetadata(indexed('- { file: plan.txt, glosses: 注。 }\n'))).message).toContain('glosses must be a list');
  });
});
