import { describe, expect, it } from 'vitest';
import { multipartForm } from './multipart-form';

describe('multipartForm', () => {
  it('keeps text fields, arrays for repeated names, and the non-empty files of the file field only', () => {
    const a = Buffer.from('a');
    const b = Buffer.from('b');
    const { fields, files } = multipartForm(
      { description: 'Loch', 'answer.size': ['1', '2'], photos: [a, Buffer.alloc(0), b], other: Buffer.from('x'), mixed: ['t', Buffer.from('y')] },
      'photos',
    );
    expect(fields).toEqual({ description: 'Loch', 'answer.size': ['1', '2'], mixed: 't' });
    expect(files).toEqual([a, b]);
  });

  it('reads a missing body as an empty form', () => {
    expect(multipartForm(undefined, 'photos')).toEqual({ fields: {}, files: [] });
  });
});
