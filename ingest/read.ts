// Reads a plan from a path or standard input, refusing what cannot be a plan before
// anything else happens.
import fs from 'node:fs';
import { MAX_BYTES } from './decode.ts';
import { IngestError } from './errors.ts';

export async function readInput(source: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buffer.length;
      if (size > MAX_BYTES) throw new IngestError('too-large', `stdin: more than ${MAX_BYTES} bytes`, { source });
      chunks.push(buffer);
    }
    return Buffer.concat(chunks);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch (error) {
    throw new IngestError('read', `${source}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { source });
  }
  if (!stat.isFile()) throw new IngestError('read', `${source}: not a file`, { source });
  if (stat.size > MAX_BYTES) {
    throw new IngestError('too-large', `${source}: ${stat.size} bytes is over the ${MAX_BYTES}-byte limit for one plan`, { source, bytes: stat.size });
  }
  try {
    return fs.readFileSync(source);
  } catch (error) {
    throw new IngestError('read', `${source}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { source });
  }
}
