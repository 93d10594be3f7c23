// The explorer's production build (what `npm start` serves), made by Vite as `npm run build` makes it.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../../config.ts';

export const EXPLORER_DIST = path.join(PROJECT_ROOT, 'viz', 'dist');

export async function buildExplorer(): Promise<void> {
  await build({ configFile: path.join(PROJECT_ROOT, 'viz', 'vite.config.ts'), logLevel: 'warn' });
}

/** Builds only when there is no build yet: for suites that need the static files to be there, not fresh. */
export async function ensureExplorerBuilt(): Promise<void> {
  if (!fs.existsSync(path.join(EXPLORER_DIST, 'index.html'))) await buildExplorer();
}
