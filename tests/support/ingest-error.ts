// What ingest refuses, for the tests of what it refuses: the IngestError a piece of work throws.
import { expect } from 'vitest';
import { IngestError } from '../../ingest/errors.ts';

/** The IngestError `work` throws; the test fails if it throws something else, or nothing (`what` says what should have failed). */
export function ingestError(work: () => unknown, what: string): IngestError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error(`expected ${what} to fail`);
}
