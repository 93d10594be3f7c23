// Compressed copies of the built files (name.br and name.gz beside name), written once at
// build time, so the server can send them to a browser that accepts them without
// compressing on every request.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
/** Files smaller than this gain nothing worth a second request path. */
const MIN_BYTES = 1024;

export function compress(): Plugin {
  let outDir = '';
  return {
    name: 'innograph-compress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const walk = (folder: string): string[] =>
        fs.readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(folder, e.name)) : [path.join(folder, e.name)]));
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < MIN_BYTES) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 7 } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 7 }));
      }
    },
  };
}
