/**
 * The web's answer types and form schemas are the contracts' (ADR 0019). tsc runs over this file: the `expectTypeOf`
 * lines fail the build if a web type stops being its contract's, and each `@ts-expect-error` fails it if a renamed or
 * retyped contract field stops breaking the web code that reads or fills it.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Answer, Narrow } from '../../../src/domain/answer.ts';
import type { CHANNELS } from '../../../src/domain/social-case/codes.ts';
import { EndBody, PlacementViewSchema } from '../../../src/placement/contract.ts';
import { SchoolViewSchema } from '../../../src/school/contract.ts';
import {
  CaseItemSchema,
  JournalEntrySchema as PersonaktEntrySchema,
  SocialCaseSchema,
} from '../../../src/social-case/contract.ts';
import type { CaseItem, SocialCase } from '../../../src/web/api/casework-types.ts';
import type { PlacementView, SchoolView } from '../../../src/web/api/placement-types.ts';
import { formFrom } from '../../../src/web/form-from.ts';
import { EndPlacementSchema } from '../../../src/web/schemas-placement.ts';

describe('the web reads the contracts’ answers', () => {
  it('takes its answer types from the contracts', () => {
    expectTypeOf<CaseItem>().toEqualTypeOf<Answer<z.infer<typeof CaseItemSchema>>>();
    expectTypeOf<SchoolView['dueOn']>().toEqualTypeOf<Answer<z.infer<typeof SchoolViewSchema>>['dueOn']>();
    expectTypeOf<keyof SocialCase>().toEqualTypeOf<keyof z.infer<typeof SocialCaseSchema>>();
    expectTypeOf<keyof PlacementView>().toEqualTypeOf<keyof z.infer<typeof PlacementViewSchema>>();
    expect(Object.keys(SchoolViewSchema.shape)).toContain('dueOn');
  });

  it('breaks the build where a reader uses a field the contract renamed', () => {
    // The school view's `dueOn` renamed `dueDate`, as a change of src/school/contract.ts would do.
    const Renamed = SchoolViewSchema.omit({ dueOn: true }).extend({ dueDate: z.string() });
    type RenamedView = Answer<z.infer<typeof Renamed>>;
    const due = (view: RenamedView): unknown => {
      // @ts-expect-error the web reads `dueOn`, which the renamed contract no longer sends
      const value: unknown = view.dueOn;
      return value;
    };
    expect(typeof due).toBe('function');
    expect(Object.keys(Renamed.shape)).toContain('dueDate');
  });

  it('breaks the build where the web narrows a field the contract renamed', () => {
    const Renamed = PersonaktEntrySchema.omit({ channel: true }).extend({ medium: z.string().nullable() });
    type Narrowed = Narrow<
      Answer<z.infer<typeof Renamed>>,
      // @ts-expect-error `channel` is no longer in the answer
      { readonly channel: (typeof CHANNELS)[number] | null }
    >;
    expectTypeOf<Narrowed>().not.toBeNever();
    expect(Object.keys(Renamed.shape)).not.toContain('channel');
  });
});

describe('a form takes its fields from the request body', () => {
  it('keeps the web’s error codes on the body’s fields', () => {
    const result = EndPlacementSchema.safeParse({ reason: '', endDate: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === 'reason')?.message).toBe('choose');
    expectTypeOf<z.output<typeof EndPlacementSchema>>().toExtend<z.input<typeof EndBody>>();
  });

  it('refuses a field the body does not have, and one the body would not accept', () => {
    // @ts-expect-error `endedOn` is school's field; the placement's end body names it `endDate`
    formFrom(EndBody, [], { endedOn: z.string() });
    // @ts-expect-error the body takes the end date as a string
    formFrom(EndBody, [], { endDate: z.string().transform(Number) });
    // @ts-expect-error a kept field must be one of the body's
    formFrom(EndBody, ['endedOn'], {});
    expect(Object.keys(formFrom(EndBody, ['reason'], { endDate: z.string() }).shape)).toEqual([
      'reason',
      'endDate',
    ]);
  });
});
