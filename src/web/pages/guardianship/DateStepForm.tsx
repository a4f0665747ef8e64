/**
 * A step on the child's guardianship that takes only a date: the request for a god man, its withdrawal, the god man's
 * resignation. Sends the version of the state the user saw, so that a concurrent change answers 409, not a surprise.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useGuardianshipStep } from '../../api/guardianship-queries.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { RequestSchema, ResignSchema, WithdrawSchema } from '../../schemas-guardianship.ts';
import { useStepFeedback } from './form-kit.ts';

const STEPS = {
  request: {
    path: 'guardianship/requests',
    field: 'requestedOn',
    schema: RequestSchema.shape.requestedOn,
    keys: {
      title: 'guardianship.request.title',
      intro: 'guardianship.request.intro',
      date: 'guardianship.request.requestedOn',
      submit: 'guardianship.request.submit',
      done: 'guardianship.request.done',
    },
  },
  withdraw: {
    path: 'guardianship/requests/withdrawal',
    field: 'withdrawnOn',
    schema: WithdrawSchema.shape.withdrawnOn,
    keys: {
      title: 'guardianship.withdraw.title',
      intro: 'guardianship.withdraw.intro',
      date: 'guardianship.withdraw.withdrawnOn',
      submit: 'guardianship.withdraw.submit',
      done: 'guardianship.withdraw.done',
    },
  },
  resign: {
    path: 'guardianship/resignation',
    field: 'resignedOn',
    schema: ResignSchema.shape.resignedOn,
    keys: {
      title: 'guardianship.resign.title',
      intro: 'guardianship.resign.intro',
      date: 'guardianship.resign.resignedOn',
      submit: 'guardianship.resign.submit',
      done: 'guardianship.resign.done',
    },
  },
} as const satisfies Record<
  string,
  { path: string; field: string; schema: z.ZodType<string, string>; keys: Record<string, MessageKey> }
>;

type Values = { date: string };

export function DateStepForm({
  childId,
  step,
  version,
  onDone,
}: {
  readonly childId: string;
  readonly step: keyof typeof STEPS;
  readonly version: number;
  /** Told when the step is done: the section says so (the form itself may disappear as the state moves on). */
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const spec = STEPS[step];
  const id = `gs-${step}`;
  const form = useForm<Values>({
    resolver: zodResolver(z.object({ date: spec.schema })),
    shouldFocusError: false,
    defaultValues: { date: todayInSweden() },
  });
  // The server names the date by its API name (or the engine's `occurredOn`); here it is the one date.
  const feedback = useStepFeedback(form.setError, ['date'], { occurredOn: 'date', [spec.field]: 'date' });
  const send = useGuardianshipStep(
    childId,
    spec.path,
    () => onDone(t(spec.keys.done)),
    feedback.onServerError,
  );
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate({ [spec.field]: values.date, expectedVersion: version });
  }, feedback.onInvalid);
  const fields = [{ name: 'date', id: `${id}-date`, label: spec.keys.date }] as const;
  return (
    <section aria-labelledby={`${id}-title`} className="card guardianship-step">
      <h3 id={`${id}-title`}>{t(spec.keys.title)}</h3>
      <p className="hint">{t(spec.keys.intro)}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          errors={form.formState.errors}
          fields={fields}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextField
          id={fields[0].id}
          type="date"
          width="medium"
          label={t(spec.keys.date)}
          error={fieldErrorText(t, form.formState.errors.date)}
          registration={form.register('date')}
        />
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? t('form.sending') : t(spec.keys.submit)}
        </button>
      </form>
    </section>
  );
}
