// The page's entry (early.ts) is small: it sends the first questions and then imports the
// explorer's main chunk. Listed in index.html as a modulepreload, that chunk is fetched and
// compiled from the start, beside the entry, rather than only once the entry has run.
import type { HtmlTagDescriptor, Plugin } from 'vite';

export function preloadEntryImports(): Plugin {
  let base = '/';
  return {
    name: 'innograph-preload-entry-imports',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { chunk }) {
        if (!chunk) return [];
        return chunk.dynamicImports.map((file): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}
