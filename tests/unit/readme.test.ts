import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES, PROJECT_ROOT } from '../../config.ts';

const readme = fs.readFileSync(`${PROJECT_ROOT}/README.md`, 'utf8');

describe('README', () => {
  it('documents every environment variable the app reads, as config.ts describes it', () => {
    for (const [name, meaning] of Object.entries(ENV_VARIABLES)) {
      expect(readme).toContain(`| \`${name}\` | ${meaning} |`);
    }
  });

  it('names every folder of code in its architecture table, and only folders that exist', () => {
    const listed = [...readme.matchAll(/^\| `([a-z]+)\/` \|/gm)].map((m) => m[1]);
    // Build output and installed packages are not the project's folders, and data/ holds no code.
    const ignored = fs
      .readFileSync(`${PROJECT_ROOT}/.gitignore`, 'utf8')
      .split('\n')
      .filter((line) => /^[\w.-]+\/$/.test(line))
      .map((line) => line.slice(0, -1));
    const code = fs
      .readdirSync(PROJECT_ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'data' && !ignored.includes(d.name))
      .map((d) => d.name);
    expect(listed.sort()).toEqual(code.sort());
  });

  it('gives the test command that .ci/run runs', () => {
    const ci = fs.readFileSync(`${PROJECT_ROOT}/.ci/run`, 'utf8');
    const command = /^(npm test)\b/m.exec(readme.split('\n').slice(0, 6).join('\n'))?.[1];
    expect(command).toBe('npm test');
    expect(ci).toMatch(/^npm test$/m);
  });
});
