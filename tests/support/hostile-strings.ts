// Strings that have broken search boxes and query builders before: Lucene and Cypher
// syntax, escapes, control characters, lone surrogates, bidi overrides. Shared by the
// integration test and the reliability suite so both attack with the same list.
import fc from 'fast-check';

export const METACHARACTERS = [
  '") OR 1=1',
  '*:*',
  '\\',
  'AND',
  'NOT OR',
  '~',
  '^2',
  '"',
  '[a TO z]',
  '{!}',
  'n) DETACH DELETE n //',
  "' MATCH (n) DETACH DELETE n //",
  '$param',
  '`x`',
  '\u0000',
  '\ud800',
  '松山湖*',
  '/regex/',
  '}{',
  '\u202e',
];

/** A hostile string: a known metacharacter or generated text of every unit kind. */
export function nastyString(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...METACHARACTERS),
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
  );
}

/** What an answer must never carry: a stack frame, Cypher, driver or server internals. */
export const LEAKS = /\bat \S+\.(ts|js|mjs|cjs):\d|MATCH \(|UNWIND |DETACH DELETE n\)|Neo\.(Client|Transient|Database)Error|neo4j-driver|node_modules|"stack"/;

/** The answer without the hostile text quoted back in it ("no entity with id …" may echo it harmlessly). */
export function withoutEcho(answer: string, echo: string | undefined): string {
  if (!echo) return answer;
  return answer.split(JSON.stringify(echo).slice(1, -1)).join('');
}
