import { describe, expect, it } from 'vitest';
import { anyKind, label } from '../../graph/cypher.ts';
import { PLATFORM_KINDS, REGION_KINDS, type EntityKind } from '../../ingest/model.ts';

describe('labels in Cypher text', () => {
  it('tests for any kind of a group with one label expression', () => {
    expect(anyKind('p', PLATFORM_KINDS)).toBe('p:`Lab`|`Facility`|`InnovationCenter`|`Institution`');
    expect(anyKind('o', REGION_KINDS)).toBe('o:`City`|`ScienceCity`|`Zone`|`Corridor`');
  });

  it('refuses a kind that is not defined, whatever the caller claims', () => {
    expect(() => anyKind('p', ['Lab', 'Lab) DETACH DELETE p //' as EntityKind])).toThrow(/not a defined kind/);
    expect(() => label('Person')).toThrow(/not a defined kind/);
  });
});
