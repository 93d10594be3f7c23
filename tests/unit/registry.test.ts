import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KINDS } from '../../ingest/model.ts';
import { loadRegistry, toPinyin } from '../../ingest/registry.ts';
import { REGISTRY_PATH } from '../support/plan.ts';
import { ingestError } from '../support/ingest-error.ts';

const dirs: string[] = [];
function registryWith(yaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-registry-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'test.yaml'), yaml);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function problems(yaml: string): string {
  return ingestError(() => loadRegistry(registryWith(yaml)), 'the registry').message;
}

const CITY = '- { id: shenzhen, kind: City, name: 深圳, nameEn: Shenzhen }\n';

describe('the registry', () => {
  it('loads the bundled registry with every kind represented', () => {
    const registry = loadRegistry(REGISTRY_PATH);
    expect(new Set(registry.entries.map((e) => e.kind))).toEqual(new Set(KINDS));
    expect(registry.byId.get('china-spallation-neutron-source')?.nameEn).toBe('China Spallation Neutron Source');
  });

  it('generates pinyin without tones', () => {
    expect(toPinyin('松山湖科学城')).toBe('song shan hu ke xue cheng');
    expect(toPinyin('R&D/GDP')).toBe('r d gdp');
  });

  it('rejects duplicate ids', () => {
    expect(problems(`${CITY}- { id: shenzhen, kind: City, name: 深圳市, nameEn: Shenzhen City }\n`)).toMatch(/duplicate id shenzhen/);
  });

  it('rejects an alias two entities share', () => {
    const yaml = `${CITY}- { id: guangming, kind: ScienceCity, name: 光明科学城, nameEn: Guangming Science City, aliases: [深圳] }\n`;
    expect(problems(yaml)).toMatch(/name or alias 深圳 is also used by shenzhen/);
  });

  it('rejects an unknown kind and a missing English name, listing both', () => {
    const message = problems('- { id: a, kind: Spaceport, name: 甲, nameEn: A }\n- { id: b, kind: City, name: 乙 }\n');
    expect(message).toMatch(/2 problem\(s\)/);
    expect(message).toMatch(/unknown kind "Spaceport"/);
    expect(message).toMatch(/nameEn \(the English name\) is missing/);
  });

  it('rejects a laboratory tier outside the defined list', () => {
    expect(problems('- { id: lab, kind: Lab, name: 某实验室, nameEn: A Lab, tier: galactic }\n')).toMatch(/tier "galactic" is not one of national/);
  });

  it('rejects references to unknown ids or to the wrong kind', () => {
    const yaml = `${CITY}- { id: lab, kind: Lab, name: 某实验室, nameEn: A Lab, tier: provincial, city: nowhere, hostedBy: [ghost] }\n- { id: f, kind: Field, name: 某领域, nameEn: A field, clusters: [shenzhen] }\n`;
    const message = problems(yaml);
    expect(message).toMatch(/city names unknown id nowhere/);
    expect(message).toMatch(/hostedBy names unknown id ghost/);
    expect(message).toMatch(/clusters shenzhen is a City, expected IndustryCluster/);
  });

  it('rejects a file that is not YAML', () => {
    expect(problems('- { id: [unclosed\n')).toMatch(/test\.yaml: not valid YAML/);
  });
});
