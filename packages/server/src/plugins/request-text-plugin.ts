import { FerryError } from '@ferry/core';
import fp from 'fastify-plugin';
import type { FerryApp } from '../app-types.js';
import { unstorableTextIn } from './request-text-check.js';

/**
 * Refuses, before validation, any request whose params, query or JSON body holds text PostgreSQL cannot store
 * (a NUL) or that is not valid Unicode (a lone surrogate): a 400 naming the field, instead of a database error.
 */
export const requestTextPlugin = fp(async (app: FerryApp) => {
  app.addHook('preValidation', async (request) => {
    const issues = [
      ...unstorableTextIn('params', request.params),
      ...unstorableTextIn('querystring', request.query),
      ...unstorableTextIn('body', request.body),
    ];
    if (issues.length === 0) return;
    throw new FerryError(
      'FERRY_ERR_INPUT',
      `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  });
});
