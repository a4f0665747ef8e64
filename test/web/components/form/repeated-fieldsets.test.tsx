/**
 * The repeated rows of a form (transfers, goals, follow-up actions): a numbered fieldset per row, a remove button only
 * while more rows than the minimum remain, and the add button (with the id the error summary links to).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RepeatedFieldsets } from '../../../../src/web/components/form/RepeatedFieldsets.tsx';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}` }));
const draw = (n: number, removable: boolean) =>
  renderToStaticMarkup(
    <RepeatedFieldsets
      rows={rows(n)}
      legend={(k) => `Rad ${k}`}
      addId="add-row"
      addLabel="Lägg till rad"
      onAdd={() => undefined}
      {...(removable ? { removeLabel: (k: number) => `Ta bort rad ${k}`, onRemove: () => undefined } : {})}
    >
      {(i) => <input aria-label={`Fält ${i + 1}`} />}
    </RepeatedFieldsets>,
  );

describe('the repeated rows of a form', () => {
  it('draws a numbered fieldset per row, removable while more than one remains', () => {
    const two = draw(2, true);
    expect(two.match(/<fieldset/g)).toHaveLength(2);
    expect(two).toContain('<legend>Rad 2</legend>');
    expect(two).toContain('Ta bort rad 1');
    expect(two).toContain('Ta bort rad 2');
    expect(draw(1, true)).not.toContain('Ta bort');
  });

  it('offers no removal without a remove label, and always the add button with its id', () => {
    expect(draw(3, false)).not.toContain('Ta bort');
    expect(draw(0, false)).toContain('id="add-row"');
    expect(draw(0, false)).not.toContain('<fieldset');
  });
});
