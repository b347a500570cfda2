import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { megabytes, multipartForm } from './multipart-form';

describe('multipartForm', () => {
  it('reads a form sent urlencoded (no files) like a multipart one: text fields, no files, no problem', () => {
    const request = { body: { description: 'Loch', 'answer.size': ['1', '2'], n: 3, o: { x: 1 } }, uploads: null } as unknown as FastifyRequest;
    expect(multipartForm(request)).toEqual({ fields: { description: 'Loch', 'answer.size': ['1', '2'], n: '3' }, files: [], problem: null });
  });

  it('reads a missing body as an empty form', () => {
    expect(multipartForm({ body: undefined, uploads: null } as unknown as FastifyRequest)).toEqual({ fields: {}, files: [], problem: null });
  });

  it('gives limits in whole megabytes for messages', () => {
    expect([megabytes(15 * 1024 * 1024), megabytes(50 * 1024 * 1024)]).toEqual([15, 50]);
  });
});
