// Bytes → text. Chinese government files come as UTF-8 (with or without BOM) or
// GB18030/GBK; anything else gets a clear error instead of mojibake.
import iconv from 'iconv-lite';
import { IngestError } from './errors.ts';

export const MAX_BYTES = 20 * 1024 * 1024; // the bundled plan is 145 KB; a 20 MB "plan" is a mistake
const MIN_HAN_CHARACTERS = 20;

/** how the text was stored: as text in one of these encodings, or as the text layer of a PDF */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'pdf';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

const HAN = /\p{Script=Han}/gu;

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control > sample.length * 0.02;
}

function endsMidCharacter(bytes: Uint8Array): boolean {
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut += 1) {
    const lead = bytes[bytes.length - cut]!;
    if ((lead & 0xc0) === 0x80) continue; // a continuation byte: the character started earlier
    const width = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (width <= cut) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

function decodeText(bytes: Uint8Array, source: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // UTF-8 all through but for a character cut off at the end: a download or copy that
    // stopped early. Read as GB18030 it would "decode" into plausible Han nonsense.
    if (endsMidCharacter(bytes)) {
      throw new IngestError('truncated', `${source}: the file ends in the middle of a UTF-8 character (${bytes.length} bytes): it looks truncated`, { source });
    }
    // Not UTF-8: GB18030 is a superset of GBK and GB2312, the other encodings of Chinese official files.
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

export function decode(bytes: Uint8Array, source: string): Decoded {
  if (bytes.length > MAX_BYTES) {
    throw new IngestError('too-large', `${source}: ${bytes.length} bytes is over the ${MAX_BYTES}-byte limit for one plan`, { source, bytes: bytes.length });
  }
  if (bytes.length === 0) throw new IngestError('empty', `${source}: the file is empty`, { source });
  if (looksBinary(bytes)) throw new IngestError('binary', `${source}: this is a binary file, not plan text`, { source });

  return checkText(decodeText(bytes, source), source);
}

/** Refuses a text that cannot be a Chinese plan, however it was read. */
export function checkText(decoded: Decoded, source: string): Decoded {
  if (decoded.text.trim() === '') throw new IngestError('empty', `${source}: the file holds only white space`, { source });
  const replacements = decoded.text.split('\uFFFD').length - 1;
  if (replacements > decoded.text.length * 0.001) {
    throw new IngestError('decode', `${source}: neither UTF-8 nor GB18030 decodes it cleanly (${replacements} undecodable characters)`, {
      source,
      encoding: decoded.encoding,
    });
  }
  const han = decoded.text.match(HAN)?.length ?? 0;
  if (han < MIN_HAN_CHARACTERS) {
    throw new IngestError('no-chinese', `${source}: no Chinese text found (${han} Han characters); innograph reads Chinese plans`, { source });
  }
  return decoded;
}
