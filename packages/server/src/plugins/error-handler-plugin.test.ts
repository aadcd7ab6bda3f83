import { FerryError } from '@ferry/core';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FerryApp } from '../app-types.js';
import { errorHandlerPlugin, httpStatusOf } from './error-handler-plugin.js';

/** Errors as node-postgres gives them when the server goes away. */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

const failures: Record<string, () => Error> = {
  'admin-shutdown': () => pgError('57P01', 'terminating connection due to administrator command'),
  'cannot-connect': () => pgError('08006', 'connection failure'),
  refused: () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  terminated: () => new Error('Connection terminated unexpectedly'),
  'ferry-lost': () => new FerryError('FERRY_ERR_DATABASE_CONNECTION_LOST', 'Lost the connection to the database x'),
  'unique-violation': () => Object.assign(new Error('duplicate key value'), { code: '23505', severity: 'ERROR' }),
  bug: () => new TypeError('x is undefined'),
};

describe('error handler: a lost database connection', () => {
  const app = Fastify({ logger: false });
  beforeAll(async () => {
    await app.register(errorHandlerPlugin as never);
    app.get('/fail/:kind', async (request) => {
      throw failures[(request.params as { kind: string }).kind]!();
    });
    await (app as unknown as FerryApp).ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it.each(['admin-shutdown', 'cannot-connect', 'refused', 'terminated'])(
    '%s: 503 with Retry-After and a problem response, never 500',
    async (kind) => {
      const res = await app.inject({ method: 'GET', url: `/fail/${kind}` });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toEqual({
        error: {
          code: 'FERRY_ERR_DATABASE_CONNECTION_LOST',
          message: 'The database cannot be reached at the moment; retry shortly',
          requestId: expect.any(String),
        },
      });
    },
  );

  it('a FerryError saying the connection was lost is 503 with Retry-After too', async () => {
    expect(httpStatusOf('FERRY_ERR_DATABASE_CONNECTION_LOST', 'unavailable')).toBe(503);
    const res = await app.inject({ method: 'GET', url: '/fail/ferry-lost' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().error).toMatchObject({
      code: 'FERRY_ERR_DATABASE_CONNECTION_LOST',
      message: 'Lost the connection to the database x',
    });
  });

  it('other errors keep their statuses: a known PostgreSQL condition 409, a bug 500 without Retry-After', async () => {
    const conflict = await app.inject({ method: 'GET', url: '/fail/unique-violation' });
    expect(conflict.statusCode).toBe(409);
    const bug = await app.inject({ method: 'GET', url: '/fail/bug' });
    expect(bug.statusCode).toBe(500);
    expect(bug.headers['retry-after']).toBeUndefined();
    expect(bug.json().error).toMatchObject({ code: 'FERRY_ERR_INTERNAL', message: 'Internal error' });
  });
});
