/**
 * The decision: the best-interests considerations (each must be considered; suggested from what is known), then
 * confirm the proposal or deviate to another municipality with a recorded reason.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { apiPost, ApiError } from '../../api/client.ts';
import type { Proposal, Rule } from '../../api/allocation-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextAreaField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import {
  MunicipalityOptions,
  useMunicipalityName,
  useMunicipalityOfficialName,
} from '../../components/MunicipalityOptions.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { DecideSchema, type DecideInput, type DecideOutput } from '../../schemas-allocation.ts';
import { suggestedConsiderations } from './decision-text.ts';

const NAMES = [
  'relatives',
  'siblings',
  'specialNeeds',
  'childsWishes',
  'choice',
  'municipalityCode',
  'reason',
] as const;
type Name = (typeof NAMES)[number];
const LABELS = {
  relatives: 'decide.relatives',
  siblings: 'decide.siblings',
  specialNeeds: 'decide.specialNeeds',
  childsWishes: 'decide.childsWishes',
  choice: 'decide.choice',
  municipalityCode: 'decide.municipality',
  reason: 'decide.reason',
} as const;
const id = (name: Name) => `decide-${name}`;
interface Decided {
  readonly id: string;
  readonly kind: string;
  readonly municipalityCode: string;
  readonly childIds: readonly string[];
}
const FIELDS = NAMES.map((name) => ({ name, id: id(name), label: LABELS[name] }));

export function DecideForm({
  childId,
  proposal,
  rule,
  onProposalChanged,
  onDecidedByRule,
}: {
  readonly childId: string;
  readonly proposal: Proposal;
  readonly rule: Rule;
  readonly onProposalChanged: () => void;
  /** The decision was taken by the rule: the page keeps only its result. */
  readonly onDecidedByRule: () => void;
}) {
  const { t } = useI18n();
  // The considerations are printed in the decision: formal municipality names once the reference list is loaded.
  const shortName = useMunicipalityName();
  const name = useMunicipalityOfficialName() ?? shortName;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<DecideInput, unknown, DecideOutput>({
    resolver: zodResolver(DecideSchema),
    shouldFocusError: false,
    defaultValues: {
      ...suggestedConsiderations(proposal, name),
      choice: 'proposal',
      municipalityCode: '',
      reason: '',
    },
  });
  const feedback = useFormFeedback(form.setError, NAMES, (field) => field.replace(/^considerations\./, ''));
  const proposed = proposal.municipality;
  // A decision by the rule is taken at commit time: its result is shown here for the officer to confirm.
  const [byRule, setByRule] = useState<{ id: string; code: string } | null>(null);
  const decide = useMutation({
    mutationFn: (values: DecideOutput) => {
      const deviate = values.choice === 'deviate';
      const considerations = {
        relatives: values.relatives,
        siblings: values.siblings,
        specialNeeds: values.specialNeeds,
        childsWishes: values.childsWishes,
      };
      if (values.choice === 'by_rule') {
        return apiPost<Decided>(`/api/allocation/children/${encodeURIComponent(childId)}/decision/by-rule`, {
          considerations,
          rule,
        }).then((d) => ({ ...d, byRule: true }));
      }
      return apiPost<Decided>(`/api/allocation/children/${encodeURIComponent(childId)}/decision`, {
        municipalityCode: deviate ? values.municipalityCode : proposed.code,
        proposedCode: proposed.code,
        reason: deviate ? values.reason : null,
        considerations,
        rule,
      }).then((d) => ({ ...d, byRule: false }));
    },
    onSuccess: async (decision) => {
      for (const key of [
        'allocation-waiting',
        'allocation-decisions',
        'allocation-queue',
        'allocation-figures',
      ]) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
      if (decision.byRule) {
        setByRule({ id: decision.id, code: decision.municipalityCode });
        onDecidedByRule();
      } else await navigate({ to: '/anvisning/beslut/$decisionId', params: { decisionId: decision.id } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'proposal_changed') onProposalChanged();
      else feedback.onServerError(error);
    },
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    decide.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const err = (field: Name) => fieldErrorText(t, errors[field]);
  const deviating = useWatch({ control: form.control, name: 'choice' }) === 'deviate';
  const doneHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (byRule !== null) doneHeading.current?.focus();
  }, [byRule]);

  if (byRule !== null) {
    return (
      <section aria-labelledby="decide-done-title" className="section notice notice--success">
        <h2 id="decide-done-title" tabIndex={-1} ref={doneHeading}>
          {t('decide.byRuleDone.title')}
        </h2>
        <p>{t('decide.byRuleDone.result', { name: name(byRule.code) })}</p>
        <p>
          {byRule.code === proposed.code
            ? t('decide.byRuleDone.same')
            : t('decide.byRuleDone.moved', { seen: name(proposed.code) })}
        </p>
        <p className="hint">{t('decide.byRuleDone.correct')}</p>
        <button
          type="button"
          className="button button--primary"
          onClick={() =>
            void navigate({ to: '/anvisning/beslut/$decisionId', params: { decisionId: byRule.id } })
          }
        >
          {t('decide.byRuleDone.confirm')}
        </button>
      </section>
    );
  }

  return (
    <section aria-labelledby="decide-title" className="section">
      <h2 id="decide-title">{t('decide.title')}</h2>
      <form onSubmit={submit} noValidate className="form form--wide">
        <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
        <fieldset className="fieldset group">
          <legend>{t('decide.bestInterests')}</legend>
          <p className="hint">{t('decide.bestInterestsHint')}</p>
          {(['relatives', 'siblings', 'specialNeeds', 'childsWishes'] as const).map((field) => (
            <TextAreaField
              key={field}
              id={id(field)}
              rows={3}
              label={t(LABELS[field])}
              error={err(field)}
              registration={form.register(field)}
            />
          ))}
        </fieldset>
        <RadioGroupField
          id={id('choice')}
          label={t('decide.choice')}
          error={err('choice')}
          registration={form.register('choice')}
          options={[
            { value: 'proposal', label: t('decide.confirmProposal', { name: proposed.name }) },
            // Only a proposal by the rule can move on while the officer looks; a relative's municipality cannot.
            ...(proposal.basis === 'rule' ? [{ value: 'by_rule', label: t('decide.byRule') }] : []),
            { value: 'deviate', label: t('decide.deviate') },
          ]}
        />
        {deviating && (
          <div className="conditional">
            <SelectField
              id={id('municipalityCode')}
              label={t('decide.municipality')}
              error={err('municipalityCode')}
              registration={form.register('municipalityCode')}
            >
              <option value="">{t('register.chooseMunicipality')}</option>
              <MunicipalityOptions exclude={proposed.code} />
            </SelectField>
            <TextAreaField
              id={id('reason')}
              rows={4}
              label={t('decide.reason')}
              hint={t('decide.reasonHint')}
              error={err('reason')}
              registration={form.register('reason')}
            />
          </div>
        )}
        <button type="submit" className="button button--primary button--large" disabled={decide.isPending}>
          {decide.isPending ? t('form.sending') : t('decide.submit')}
        </button>
      </form>
    </section>
  );
}
