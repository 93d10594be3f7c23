import { describe, expect, it } from 'vitest';
import { FetchProgress, parseTransfer } from '../../launcher/maven-progress.ts';

// Lines as Maven 3 prints them in batch mode (-B).
const KERNEL =
  '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.30/neo4j-kernel-5.26.30.jar (12 MB at 3.4 MB/s)';
const POM = '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/parent/5.26.30/parent-5.26.30.pom (48 kB at 210 kB/s)';
const STARTED = '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.30/neo4j-kernel-5.26.30.jar';

describe('parseTransfer', () => {
  it('reads the file and its size in SI units from a finished download', () => {
    expect(parseTransfer(KERNEL)).toEqual({ file: 'neo4j-kernel-5.26.30.jar', bytes: 12_000_000 });
    expect(parseTransfer(POM)).toEqual({ file: 'parent-5.26.30.pom', bytes: 48_000 });
    expect(parseTransfer('[INFO] Downloaded from mirror: file:///m2/a/b/x-1.jar (512 B at 1.2 kB/s)')).toEqual({ file: 'x-1.jar', bytes: 512 });
  });

  it('ignores downloads still under way and every other line', () => {
    expect(parseTransfer(STARTED)).toBeNull();
    expect(parseTransfer('[INFO] BUILD SUCCESS')).toBeNull();
    expect(parseTransfer('[INFO] Copying neo4j-kernel-5.26.30.jar to /tmp/lib/neo4j-kernel-5.26.30.jar')).toBeNull();
  });
});

describe('FetchProgress', () => {
  it('tells the files and bytes so far at most once per interval, naming the latest file', () => {
    let now = 0;
    const told: string[] = [];
    const progress = new FetchProgress(
      (m) => told.push(m),
      () => now,
      5000,
    );
    progress.line(POM);
    now = 4000;
    progress.line(STARTED);
    progress.line(KERNEL);
    expect(told).toEqual([]);
    now = 5000;
    progress.line(POM);
    expect(told).toEqual(['  3 files, 12.1 MB so far (parent-5.26.30.pom)']);
    now = 6000;
    progress.line(POM);
    expect(told).toHaveLength(1);
    expect(progress.summary()).toBe('4 files, 12.1 MB downloaded');
  });

  it('says when Maven had every file already', () => {
    expect(new FetchProgress(() => {}).summary()).toBe('all from the local Maven repository');
  });
});
