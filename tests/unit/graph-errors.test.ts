import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { GraphError, toGraphError } from '../../graph/errors.ts';

/** An error as the driver raises it for a server or connection failure (the GQL status does not matter here). */
function driverError(message: string, code: string): Neo4jError {
  return new Neo4jError(message, code, '50N42', 'error: general processing exception - unexpected error');
}

function codeOf(error: unknown): string | undefined {
  return error instanceof GraphError ? error.code : undefined;
}

describe('turning what Neo4j threw into a GraphError', () => {
  it('reports a lost server as DATABASE_UNAVAILABLE, saying what was being done', () => {
    const mapped = toGraphError(driverError('connection refused', 'ServiceUnavailable'), 'reading from Neo4j');
    expect(codeOf(mapped)).toBe('DATABASE_UNAVAILABLE');
    expect((mapped as Error).message).toBe('reading from Neo4j: Neo4j is unavailable (connection refused)');
  });

  it('reports a refused connection from the network as DATABASE_UNAVAILABLE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7687'), { code: 'ECONNREFUSED' });
    expect(codeOf(toGraphError(refused, 'connecting'))).toBe('DATABASE_UNAVAILABLE');
  });

  it.each([
    ['Neo.ClientError.Security.Unauthorized', 'AUTH_FAILED'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'TIMEOUT'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'CONSTRAINT_VIOLATION'],
    ['Neo.ClientError.Statement.SyntaxError', 'BAD_QUERY'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'DATABASE_UNAVAILABLE'],
  ])('maps the server code %s to %s', (neo4jCode, code) => {
    expect(codeOf(toGraphError(driverError('it failed', neo4jCode), 'writing to Neo4j'))).toBe(code);
  });

  it('lets a TypeError from our own code through as itself', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'replace')");
    expect(toGraphError(bug, 'writing to Neo4j')).toBe(bug);
  });

  it('lets an error with a message that merely mentions a network code through as itself', () => {
    const bug = new RangeError('ECONNREFUSED is not a valid depth');
    expect(toGraphError(bug, 'reading from Neo4j')).toBe(bug);
  });
});
