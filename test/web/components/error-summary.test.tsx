/**
 * The error summary names a problem on a field in a list (`signatures.1.signedOn`) and on the list as a whole
 * (`signatures.root`), not only on top-level fields; before, it looked the name up as a flat key and left them out.
 */
import type { FieldErrors } from 'react-hook-form';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from '../../../src/web/components/form/ErrorSummary.tsx';
import { LanguageProvider } from '../../../src/web/language.tsx';
import '../../support/web-messages.ts';

describe('the error summary', () => {
  it('lists the problems of fields in a list and of the list itself, each with its label and text', () => {
    const errors = {
      validFrom: { type: 'required', message: 'required' },
      signatures: Object.assign([undefined, { signedOn: { type: 'x', message: 'after_share_model' } }], {
        root: { type: 'missing_signature', message: 'missing_signature:Lund' },
      }),
    } as unknown as FieldErrors;
    const html = renderToStaticMarkup(
      <LanguageProvider>
        <ErrorSummary
          errors={errors}
          fields={[
            { name: 'validFrom', id: 'a-validFrom', label: 'agreements.validFrom' },
            { name: 'signatures.root', id: 'a-signatures', label: 'agreements.signatures' },
            {
              name: 'signatures.0.signedOn',
              id: 's-0-signedOn',
              label: 'agreements.signatureField.signedOn',
            },
            {
              name: 'signatures.1.signedOn',
              id: 's-1-signedOn',
              label: 'agreements.signatureField.signedOn',
            },
          ]}
          general={null}
          attempt={1}
        />
      </LanguageProvider>,
    );
    expect(html).toContain('Gäller från: Fältet måste fyllas i.');
    expect(html).toContain('Underskrifter: Underskrift saknas för Lund, som är part i överenskommelsen.');
    expect(html).toContain('href="#s-1-signedOn"');
    expect(html).toContain('Datum: Överenskommelser ingicks före den 1 april 2016');
    expect(html).not.toContain('href="#s-0-signedOn"');
  });

  it('titles itself one level below the form it is in: an h2 atop a page, an h5 in a step under an h4', () => {
    const summary = (level?: 2 | 5) =>
      renderToStaticMarkup(
        <LanguageProvider>
          <ErrorSummary
            errors={{}}
            fields={[]}
            general="Något gick fel."
            attempt={1}
            {...(level === undefined ? {} : { level })}
          />
        </LanguageProvider>,
      );
    expect(summary()).toMatch(/<h2 class="error-summary__title"[^>]*>Det finns fel i formuläret<\/h2>/);
    expect(summary(5)).toMatch(/<h5 class="error-summary__title"[^>]*>Det finns fel i formuläret<\/h5>/);
  });
});
