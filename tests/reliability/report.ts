export interface Row {
  scenario: string;
  /** what was tried: requests, inputs, faults */
  tried: string;
  failures: number;
  figure: string;
  /**
   * check: a correctness criterion (no crash, no leak, the documented exit code, an
   * identical export); a run with a failed check fails. figure: a timing or memory
   * target, printed as met or missed but never failing the run, since the machines
   * are shared and noisy.
   */
  kind: 'check' | 'figure';
  ok: boolean;
  /** the first problems seen, to start debugging from */
  detail?: string[];
}

function verdict(row: Row): string {
  if (row.kind === 'figure') return row.ok ? 'target met' : 'target missed';
  return row.ok ? 'pass' : 'FAIL';
}

/** A Markdown table, so that it can go into a note as it is. */
export function table(rows: Row[]): string {
  const lines = ['| scenario | tried | failures | figure | verdict |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.scenario} | ${r.tried} | ${r.failures} | ${r.figure} | ${verdict(r)} |`);
  return lines.join('\n');
}
