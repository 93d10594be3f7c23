export type IngestErrorCode =
  'read' | 'empty' | 'too-large' | 'binary' | 'decode' | 'truncated' | 'encrypted' | 'corrupt' | 'no-text' | 'no-chinese' | 'registry' | 'usage';

/** An ingestion failure with a code and the context needed to act on it. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly context: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
