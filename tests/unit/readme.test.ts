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

  it('gives the test command that .ci/run runs', () => {
    const ci = fs.readFileSync(`${PROJECT_ROOT}/.ci/run`, 'utf8');
    const command = /^(npm test)\b/m.exec(readme.split('\n').slice(0, 6).join('\n'))?.[1];
    expect(command).toBe('npm test');
    expect(ci).toMatch(/^npm test$/m);
  });
});
