import { describe, expect, it } from 'vitest';
import { readCookie, urlOf } from './api-client';
import { ApiError, apiErrorOf } from './api-error';

describe('urlOf', () => {
  it('leaves out empty values and repeats array keys', () => {
    expect(urlOf('/api/x', { page: 2, q: '', status: ['draft', 'approved'], none: undefined, n: null })).toBe(
      '/api/x?page=2&status=draft&status=approved',
    );
  });
  it('answers the bare path without a query', () => {
    expect(urlOf('/api/x')).toBe('/api/x');
    expect(urlOf('/api/x', { q: '' })).toBe('/api/x');
  });
});

describe('readCookie', () => {
  it('finds one cookie among several and decodes it', () => {
    expect(readCookie('ferry_csrf', 'a=1; ferry_csrf=ab%3Dc; b=2')).toBe('ab=c');
    expect(readCookie('ferry_csrf', 'a=1')).toBeNull();
  });
});

describe('apiErrorOf', () => {
  it('reads the API error shape', () => {
    const e = apiErrorOf(
      403,
      {
        error: { code: 'FERRY_ERR_FORBIDDEN', message: 'This needs the contract.approve permission', requestId: 'r1' },
      },
      'x',
    );
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message, e.requestId]).toEqual([
      403,
      'FERRY_ERR_FORBIDDEN',
      'This needs the contract.approve permission',
      'r1',
    ]);
  });
  it('falls back when the body is not the API shape', () => {
    const e = apiErrorOf(502, '<html>', 'GET /api/x answered 502');
    expect([e.code, e.message, e.unauthenticated]).toEqual(['FERRY_ERR_HTTP', 'GET /api/x answered 502', false]);
  });
});
