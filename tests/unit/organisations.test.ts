import { describe, expect, it } from 'vitest';
import { fold } from '../../ingest/normalize.ts';
import { listedOrganisations } from '../../ingest/organisations.ts';

const listed = (text: string) => listedOrganisations(fold(text), text).map((c) => `${c.kind} ${c.text}`);

describe('organisations a list names', () => {
  it('takes each ministry of a list the province works with (专栏 23)', () => {
    expect(listed('加强与科技部、教育部、工业和信息化部对接。')).toEqual(['Institution 科技部', 'Institution 教育部', 'Institution 工业和信息化部']);
    expect(listed('推进实施我省与科技部、教育部、工业和信息化部、中国科学院和中国工程院签订的新一轮战略合作协议。')).toEqual([
      'Institution 科技部',
      'Institution 教育部',
      'Institution 工业和信息化部',
    ]);
  });

  it('takes each member of a list of research bodies (省科学院、省农科院等地方科研机构)', () => {
    expect(listed('支持省科学院、省农科院等地方科研机构高质量发展。')).toEqual(['Institution 省科学院', 'Institution 省农科院']);
  });

  it('takes no lone 部 for a ministry, nor a region or a part of a whole (东部, 内部)', () => {
    expect(listed('强化与科技部、中科院等国家部委对接。推动东部、中部和西部地区协同发展，完善企业内部、外部治理。')).toEqual([]);
  });
});
