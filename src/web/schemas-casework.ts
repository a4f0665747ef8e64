/**
 * Form schemas of the social case and the personakt. Those of the assignment, the substitute and the personakt take
 * their fields from the request bodies of src/social-case/contract.ts (`formFrom`: a body field renamed or retyped
 * there breaks the build here); the step form keeps its own (one flat form for every step, whose body is declared
 * with its route). Messages are error codes that form-errors.ts turns into text; the server validates again and has
 * the last word (e.g. the best-interests record, whose missing parts it names one by one).
 */
import { z } from 'zod';
import { CHANNELS, DIRECTIONS, type SocialCaseStep } from '../domain/social-case/codes.ts';
import { isIsoDate } from '../domain/time.ts';
import { needsBestInterests } from '../domain/case/machines.ts';
import { DATE_ISSUE, dateMessage } from './date-input.ts';
import {
  BestInterestsFormSchema,
  checkCompleteBestInterests,
  EMPTY_BEST_INTERESTS,
  toBestInterestsBody,
} from './components/form/BestInterestsFieldset.tsx';
import { todayInSweden } from './dates.ts';
import { formDate as isoDate } from './form-date.ts';
import { formFrom } from './form-from.ts';
import { AssignWorkersBody, JournalBody, SubstituteBody, UploadBody } from '../social-case/contract.ts';

const pastDate = isoDate.refine((value) => value <= todayInSweden(), 'future');
const optionalPastDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), DATE_ISSUE)
  .refine((value) => value === '' || value <= todayInSweden(), 'future');

/** One flat form for every step; `stepSchema(step)` makes the fields the chosen step needs required. */
const StepFields = z.object({
  occurredOn: pastDate,
  source: z.string(),
  outcome: z.string(),
  finding: z.string(),
  extendedTo: z.string().trim(),
  reason: z.string().trim().max(2000, 'too_big'),
  interventions: z.array(z.string()),
  carePlanOn: z.string().trim(),
  implementationPlanOn: optionalPastDate,
  bestInterests: BestInterestsFormSchema,
});
export type StepFormValues = z.input<typeof StepFields>;

export const emptyStep = (today: string): StepFormValues => ({
  occurredOn: today,
  source: '',
  outcome: '',
  finding: '',
  extendedTo: '',
  reason: '',
  interventions: [],
  carePlanOn: today,
  implementationPlanOn: '',
  bestInterests: EMPTY_BEST_INTERESTS,
});

export function stepSchema(step: SocialCaseStep) {
  return StepFields.superRefine((v, ctx) => {
    const need = (path: keyof StepFormValues, ok: boolean, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (step === 'receive_report') need('source', v.source !== '', 'choose');
    if (step === 'assess_protection' || step === 'review_care') need('outcome', v.outcome !== '', 'choose');
    if (step === 'open_investigation' || step === 'decide_not_to_investigate')
      need('finding', v.finding !== '', 'choose');
    if (step === 'close') need('reason', v.reason !== '', 'choose');
    if (step === 'extend_investigation') {
      need('extendedTo', v.extendedTo !== '', 'required');
      need('extendedTo', v.extendedTo === '' || isIsoDate(v.extendedTo), dateMessage(v.extendedTo));
      need('reason', v.reason.length >= 10, 'reason_short');
    }
    if (step === 'decide_interventions') {
      need('interventions', v.interventions.length > 0, 'choose');
      need('carePlanOn', isIsoDate(v.carePlanOn), dateMessage(v.carePlanOn));
      need('carePlanOn', !isIsoDate(v.carePlanOn) || v.carePlanOn <= todayInSweden(), 'future');
    }
    if (needsBestInterests('social_case', step)) checkCompleteBestInterests(v.bestInterests, ctx);
  });
}

/** The API's body for the step (src/casework/routes.ts StepBody). */
export function toStepBody(
  step: SocialCaseStep,
  v: StepFormValues,
  expectedVersion: number,
): Record<string, unknown> {
  const common = { event: step, occurredOn: v.occurredOn, expectedVersion };
  switch (step) {
    case 'receive_report':
      return { ...common, source: v.source };
    case 'assess_protection':
    case 'review_care':
      return { ...common, outcome: v.outcome };
    case 'open_investigation':
      return { ...common, finding: v.finding };
    case 'decide_not_to_investigate':
      return { ...common, finding: v.finding, bestInterests: toBestInterestsBody(v.bestInterests) };
    case 'extend_investigation':
      return { ...common, extendedTo: v.extendedTo, reason: v.reason };
    case 'decide_interventions':
      return {
        ...common,
        interventions: v.interventions,
        carePlanOn: v.carePlanOn,
        bestInterests: toBestInterestsBody(v.bestInterests),
      };
    case 'start_care':
      return {
        ...common,
        implementationPlanOn: v.implementationPlanOn === '' ? null : v.implementationPlanOn,
      };
    case 'close':
      return { ...common, reason: v.reason };
  }
}

export const AssignSchema = formFrom(AssignWorkersBody, [], {
  primaryUserId: z.string().min(1, 'choose'),
  secondaryUserId: z.string(),
  fromDate: pastDate,
}).refine((v) => v.secondaryUserId === '' || v.secondaryUserId !== v.primaryUserId, {
  path: ['secondaryUserId'],
  message: 'same_worker',
});
export type AssignInput = z.input<typeof AssignSchema>;

export const SubstituteFormSchema = formFrom(SubstituteBody, [], {
  absentUserId: z.string().min(1, 'choose'),
  substituteUserId: z.string().min(1, 'choose'),
  fromDate: isoDate,
  toDate: isoDate,
})
  .refine((v) => v.substituteUserId === '' || v.substituteUserId !== v.absentUserId, {
    path: ['substituteUserId'],
    message: 'same_worker',
  })
  .refine((v) => !isIsoDate(v.fromDate) || !isIsoDate(v.toDate) || v.toDate >= v.fromDate, {
    path: ['toDate'],
    message: 'substitute_dates',
  });
export type SubstituteFormInput = z.input<typeof SubstituteFormSchema>;

export const NoteSchema = formFrom(JournalBody, ['notForChild'], {
  body: z.string().trim().min(1, 'required').max(10_000, 'too_big'),
  occurredOn: pastDate,
});
export type NoteInput = z.input<typeof NoteSchema>;

export const CorrespondenceSchema = formFrom(JournalBody, ['notForChild'], {
  body: z.string().trim().min(1, 'required').max(10_000, 'too_big'),
  occurredOn: pastDate,
  direction: z.enum(DIRECTIONS, 'choose'),
  counterpart: z.string().trim().min(1, 'required').max(200, 'too_big'),
  channel: z.enum(CHANNELS, 'choose'),
});
export type CorrespondenceInput = z.input<typeof CorrespondenceSchema>;

const ACCEPTED = ['application/pdf', 'image/png', 'image/jpeg'];

/** The chosen file of a file input (a FileList in the browser), or undefined. */
function firstFile(files: unknown): { readonly type: string; readonly size: number } | undefined {
  if (typeof files !== 'object' || files === null || !('length' in files)) return undefined;
  return (files as ArrayLike<{ type: string; size: number }>)[0];
}

/**
 * The upload form: the file (form-only; its content becomes the body's `contentBase64`, its name and type the body's
 * `fileName` and `mediaType`) is checked for type and size here too; the server checks the bytes themselves.
 */
export function uploadSchema(maxBytes: number) {
  return formFrom(UploadBody, ['notForChild'], {
    title: z.string().trim().min(1, 'required').max(200, 'too_big'),
  }).extend({
    file: z
      .custom<FileList>()
      .refine((files) => firstFile(files) !== undefined, 'file_required')
      .refine((files) => ACCEPTED.includes(firstFile(files)?.type ?? ACCEPTED[0] ?? ''), 'document_type')
      .refine((files) => (firstFile(files)?.size ?? 0) <= maxBytes, 'document_too_large'),
  });
}
export type UploadInput = z.input<ReturnType<typeof uploadSchema>>;
