// GraphiQL from this server's own files (the @graphql-yoga/graphiql bundle), so that
// it works offline and runs under a Content-Security-Policy without inline scripts.
import path from 'node:path';
import { createRequire } from 'node:module';

/** Where the bundle's files are served from, and where they are on disk. */
export const GRAPHIQL_PATH = '/graphiql/';
export const GRAPHIQL_BUNDLE = path.dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql'));
export const GRAPHIQL_START = path.join(import.meta.dirname, 'graphiql');

/** The page's own policy: monaco and React add style elements and run their workers from this origin. */
export const GRAPHIQL_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'";

export function graphiqlPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>innograph GraphQL</title><link rel="stylesheet" href="${GRAPHIQL_PATH}graphiql.css"></head>
<body><div id="root" style="height:100vh">Loading GraphiQL…</div>
<script src="${GRAPHIQL_PATH}yoga-graphiql.umd.js"></script>
<script src="${GRAPHIQL_PATH}start.js"></script>
</body>
</html>
`;
}
