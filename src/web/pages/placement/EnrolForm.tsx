/** Enrols the child in a school and programme (the right to education holds from arrival). */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import { schoolKey } from '../../api/placement-queries.ts';
import { SCHOOL_PROGRAMMES, type SchoolView } from '../../api/placement-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { EnrolSchema, type EnrolValues } from '../../schemas-placement.ts';
import { MeetingNotice } from './shared.tsx';

const FIELDS = [
  { name: 'school', id: 'school-enrol-school', label: 'school.field.school' },
  { name: 'programme', id: 'school-enrol-programme', label: 'school.field.programme' },
  { name: 'enrolledOn', id: 'school-enrol-enrolledOn', label: 'school.field.enrolledOn' },
] as const;

export function EnrolForm({
  childId,
  view,
  step,
  onDone,
}: {
  readonly childId: string;
  readonly view: SchoolView;
  /** The step as the server offers it: the route and what it needs. */
  readonly step: CaseStep;
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm<EnrolValues>({
    resolver: zodResolver(EnrolSchema),
    shouldFocusError: false,
    defaultValues: {
      school: '',
      programme: view.child.age >= 16 ? 'sprakintroduktion' : 'grundskola',
      enrolledOn: todayInSweden(),
    },
  });
  const feedback = useFormFeedback(form.setError, ['school', 'programme', 'enrolledOn'], (name) =>
    name === 'occurredOn' ? 'enrolledOn' : name,
  );
  const send = useCaseStep<SchoolView>({
    childId,
    step,
    version: view.version,
    queryKey: schoolKey(childId),
    onDone: () => onDone(t('school.done.enrol')),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="school-enrol-title">
      <h3 id="school-enrol-title">{t('school.action.enrol')}</h3>
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      <MeetingNotice facts={view.child} context="school" />
      <TextField
        id={FIELDS[0].id}
        label={t('school.field.school')}
        error={fieldErrorText(t, errors.school)}
        registration={form.register('school')}
      />
      <SelectField
        id={FIELDS[1].id}
        label={t('school.field.programme')}
        hint={t('school.field.programmeHint')}
        error={fieldErrorText(t, errors.programme)}
        registration={form.register('programme')}
      >
        {SCHOOL_PROGRAMMES.map((p) => (
          <option key={p} value={p}>
            {t(`school.programme.${p}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={FIELDS[2].id}
        type="date"
        width="short"
        label={t('school.field.enrolledOn')}
        hint={t('school.field.enrolledOnHint', { date: view.arrivalDate })}
        error={fieldErrorText(t, errors.enrolledOn)}
        registration={form.register('enrolledOn')}
      />
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t('school.submit.enrol')}
      </button>
    </form>
  );
}
