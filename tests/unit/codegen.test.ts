import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.ts';
import { PROJECT_ROOT } from '../../config.ts';

/** What `npm run codegen` would write now, formatted as its prettier hook formats it; nothing is written. */
async function regenerated(): Promise<{ file: string; content: string }[]> {
  const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: PROJECT_ROOT, hooks: {} }, false);
  return Promise.all(
    outputs.map(async ({ filename, content }) => {
      const file = path.resolve(PROJECT_ROOT, filename);
      const options = await prettier.resolveConfig(file);
      return { file, content: await prettier.format(content, { ...options, filepath: file }) };
    }),
  );
}

describe('the generated GraphQL types', () => {
  it('are what npm run codegen writes from api/schema.graphql and the explorer operations now', async () => {
    const outputs = await regenerated();
    expect(outputs.map((o) => path.relative(PROJECT_ROOT, o.file)).sort()).toEqual(['api/generated/explorer-operations.ts', 'api/generated/resolvers.ts']);
    for (const { file, content } of outputs) {
      const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      expect(committed, `${path.relative(PROJECT_ROOT, file)} is stale: run npm run codegen`).toBe(content);
    }
  });
});
