import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_BYTES, decode } from '../../ingest/decode.ts';
import { ingestError } from '../support/ingest-error.ts';

const PLAN_LINE = '支持湛江建设湛江湾实验室，支持湛江高新技术产业开发区、军民融合深度发展示范区等重大平台发展。';

const failure = (run: () => unknown) => ingestError(run, 'decode');

describe('decode', () => {
  it('reads UTF-8', () => {
    expect(decode(Buffer.from(PLAN_LINE), 'a.txt')).toEqual({ text: PLAN_LINE, encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN_LINE)]);
    expect(decode(bytes, 'a.txt')).toEqual({ text: PLAN_LINE, encoding: 'utf-8-bom' });
  });

  it('detects and decodes GBK, as Chinese government files often are', () => {
    expect(decode(iconv.encode(PLAN_LINE, 'gbk'), 'a.txt')).toEqual({ text: PLAN_LINE, encoding: 'gb18030' });
  });

  it('refuses an empty file', () => {
    expect(failure(() => decode(Buffer.alloc(0), 'empty.txt')).code).toBe('empty');
    expect(failure(() => decode(Buffer.from('  \n\n '), 'blank.txt')).code).toBe('empty');
  });

  it('refuses a binary file', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00]);
    expect(failure(() => decode(bytes, 'image.png')).message).toMatch(/image\.png: this is a binary file/);
  });

  it('refuses text with no Chinese', () => {
    expect(failure(() => decode(Buffer.from('A plan written in English only.\n'.repeat(20)), 'en.txt')).code).toBe('no-chinese');
  });

  it('refuses a file over the size limit before decoding it', () => {
    const error = failure(() => decode(Buffer.alloc(MAX_BYTES + 1, 0x41), 'huge.txt'));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(`${MAX_BYTES + 1} bytes`);
  });
});

describe('a file cut off mid-character', () => {
  it('is refused as truncated instead of being read as GB18030 nonsense', () => {
    const bytes = Buffer.from('广东省科技创新“十四五”规划。'.repeat(20));
    for (const cut of [1, 2]) {
      expect(() => decode(bytes.subarray(0, bytes.length - cut), 'plan.txt')).toThrow(/truncated/);
    }
  });

  it('still reads GBK files, whose last character is whole', () => {
    const gbk = iconv.encode('广东省科技创新规划，建设粤港澳大湾区国际科技创新中心。'.repeat(5), 'gbk');
    expect(decode(gbk, 'plan.txt').encoding).toBe('gb18030');
  });
});
