import { describe, expect, it } from 'vitest';
import { describeError, safeError } from '../../src/platform/safe-error.ts';

class DatabaseError extends Error {
  code = '23505';
  detail = 'Key (dossier_number)=(20000100) already exists.';
  constraint = 'children_dossier_number_unique';
  table = 'children';
}

describe('safeError', () => {
  it('keeps class, codes, schema names and frames, never the message, detail, query or parameters', () => {
    const cause = new DatabaseError('duplicate key value: Zephyrina');
    const error = Object.assign(
      new Error('Failed query: insert …\nparams: Zephyrina,Quillfeather', { cause }),
      {
        query: 'insert into children values ($1)',
        params: ['Zephyrina'],
      },
    );
    const safe = safeError(error);
    expect(safe).toMatchObject({
      type: 'Error',
      cause: {
        type: 'DatabaseError',
        code: '23505',
        constraint: 'children_dossier_number_unique',
        table: 'children',
      },
    });
    expect(safe.frames?.length).toBeGreaterThan(0);
    const text = JSON.stringify(safe) + describeError(error);
    for (const secret of ['Zephyrina', 'Quillfeather', '20000100', 'insert into'])
      expect(text).not.toContain(secret);
    expect(describeError(error)).toBe(
      'Error ← DatabaseError 23505 (children_dossier_number_unique, children)',
    );
  });
  it('drops a code or name that is not a plain identifier (it could be a value)', () => {
    const error = Object.assign(new Error('x'), { code: 'Zephyrina Quillfeather', table: 'a"; b' });
    const { frames, ...rest } = safeError(error);
    expect(rest).toEqual({ type: 'Error' });
    expect(frames?.length).toBeGreaterThan(0);
    expect(safeError('a string')).toEqual({ type: 'string' });
  });
});
