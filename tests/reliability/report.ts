export interface Row {
  scenario: string;
  /** what was tried: requests, inputs, faults */
  tried: string;
  failures: number;
  figure: string;
  ok: boolean;
  /** the first problems seen, to start debugging from */
  detail?: string[];
}

/** A Markdown table, so that it can go into a note as it is. */
export function table(rows: Row[]): string {
  const lines = ['| scenario | tried | failures | figure | verdict |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.scenario} | ${r.tried} | ${r.failures} | ${r.figure} | ${r.ok ? 'pass' : 'FAIL'} |`);
  return lines.join('\n');
}
