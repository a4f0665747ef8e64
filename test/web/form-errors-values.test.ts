/**
 * A server field problem whose message is its code with one value (`exceeds_share:1`) shows that value in the text,
 * on the field and in the summary: before, the value was dropped and the text said the municipality had 0 ‰ left (or
 * showed the placeholder itself).
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/web/api/client.ts';
import { applyServerErrors, fieldErrorText } from '../../src/web/form-errors.ts';
import { translate } from '../../src/web/i18n.ts';
import '../support/web-messages.ts';

const sv = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('sv', key, params);

describe('a server problem carrying a value', () => {
  it('puts the value on the field and into the text', () => {
    const set: Record<string, { type: string; message: string }> = {};
    const placed = applyServerErrors(
      new ApiError(422, 'redistribution_invalid', 'The rules do not allow it', [
        { field: 'body.transfers.0.promille', code: 'exceeds_share', message: 'exceeds_share:1' },
        { field: 'body.transfers.0.toCode', code: 'other_county', message: 'other_county' },
      ]),
      (name, error) => {
        set[name] = error as { type: string; message: string };
      },
      ['transfers.0.promille', 'transfers.0.toCode'],
    );
    expect(placed).toBe(true);
    expect(fieldErrorText(sv, set['transfers.0.promille'])).toBe(
      'Kommunen kan som mest avstå hela sin andel, ned till 0 promille. Den har 1 promille kvar att avstå.',
    );
    expect(fieldErrorText(sv, set['transfers.0.toCode'])).toMatch(/^Kommunen ligger inte i länet/);
  });

  it('keeps the code alone when the message is an English sentence', () => {
    const set: Record<string, { message: string }> = {};
    applyServerErrors(
      new ApiError(422, 'validation', 'x', [
        { field: 'body.dialogue', code: 'reason_short', message: 'Too short: x' },
      ]),
      (name, error) => {
        set[name] = error as { message: string };
      },
      ['dialogue'],
    );
    expect(set.dialogue?.message).toBe('reason_short');
  });
});
