// Progress of the first-run Maven fetch (~120 MB): Maven's own transfer lines
// (`Downloaded from central: …/neo4j-kernel-5.26.30.jar (12 MB at 3.1 MB/s)`)
// summed into files and bytes, told every few seconds instead of silence for minutes.

export interface Transfer {
  /** the file's name, e.g. neo4j-kernel-5.26.30.jar */
  file: string;
  bytes: number;
}

// Maven prints sizes in SI units (kB = 1000 B).
const UNITS: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

const DOWNLOADED = /Downloaded from [^:]+: (\S+) \(([\d.,]+) (B|kB|KB|MB|GB)\b/;

/** A finished download in one line of Maven's batch-mode output; null for every other line. */
export function parseTransfer(line: string): Transfer | null {
  const match = DOWNLOADED.exec(line);
  if (!match) return null;
  const [, url, size, unit] = match;
  return { file: url!.slice(url!.lastIndexOf('/') + 1), bytes: Math.round(Number(size!.replace(/,/g, '')) * UNITS[unit!]!) };
}

function files(count: number): string {
  return count === 1 ? '1 file' : `${count} files`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export const PROGRESS_DEFAULTS = {
  everyMs: 5000, // at most one progress line this often: ~50 lines for a whole first fetch
};

/** Sums Maven's transfers and tells them at most every `everyMs`. */
export class FetchProgress {
  files = 0;
  bytes = 0;
  private lastTold: number;

  constructor(
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
    private readonly everyMs = PROGRESS_DEFAULTS.everyMs,
  ) {
    this.lastTold = now();
  }

  /** One line of Maven's output. */
  line(text: string): void {
    const transfer = parseTransfer(text);
    if (!transfer) return;
    this.files += 1;
    this.bytes += transfer.bytes;
    if (this.now() - this.lastTold < this.everyMs) return;
    this.lastTold = this.now();
    this.log(`  ${files(this.files)}, ${megabytes(this.bytes)} so far (${transfer.file})`);
  }

  /** The closing figure; nothing downloaded means Maven had every file in its local repository already. */
  summary(): string {
    if (this.files === 0) return 'all from the local Maven repository';
    return `${files(this.files)}, ${megabytes(this.bytes)} downloaded`;
  }
}
