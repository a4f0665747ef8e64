/**
 * "Uppgifter om barnet" on the child's page: the basic data with optimistic concurrency (a 409 `stale` shows the
 * user's changes next to what is saved now and lets them re-apply — nothing is lost), the child's numbers, the change
 * history and (for the responsible organisation) merging with another record of the same child.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { formatIdentityNumber } from '../../../domain/search/identity-number.ts';
import { ApiError, apiPost } from '../../api/client.ts';
import type { ChildDetail } from '../../api/types.ts';
import type { ChildRecord, HistoryEntry } from '../../api/worklist-types.ts';
import { historyKey, recordKey, useChildHistory, useChildRecord } from '../../api/worklist-queries.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { LoadError, Loading, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { formatDateTime } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import {
  BasicDataSchema,
  IdentifierSchema,
  type BasicDataInput,
  type BasicDataOutput,
  type IdentifierInput,
} from '../../schemas-worklist.ts';
import { fieldLabel } from './labels.ts';
import { MergePanel } from './MergePanel.tsx';

const BASIC = ['firstName', 'lastName', 'statedBirthDate', 'gender'] as const;
type BasicName = (typeof BASIC)[number];
const BASIC_FIELDS = BASIC.map((name) => ({
  name,
  id: `record-${name}`,
  label: `worklist.record.${name}` as const,
}));

const valuesOf = (record: ChildRecord): BasicDataInput => ({
  firstName: record.firstName,
  lastName: record.lastName,
  statedBirthDate: record.statedBirthDate ?? '',
  gender: record.gender === 'female' || record.gender === 'male' ? record.gender : 'other',
});

function useInvalidateRecord(childId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: recordKey(childId) }),
      queryClient.invalidateQueries({ queryKey: historyKey(childId) }),
      queryClient.invalidateQueries({ queryKey: ['child', childId] }),
      queryClient.invalidateQueries({ queryKey: ['child-timeline', childId] }),
    ]);
  };
}

/** The user's edit that met a newer version: shown next to what is saved now. */
interface Conflict {
  readonly mine: BasicDataOutput;
}

function ConflictView({
  conflict,
  current,
  history,
  onReapply,
  onKeep,
}: {
  readonly conflict: Conflict;
  readonly current: ChildRecord;
  readonly history: readonly HistoryEntry[];
  readonly onReapply: () => void;
  readonly onKeep: () => void;
}) {
  const { t, lang } = useI18n();
  const saved = valuesOf(current);
  const last = history.find((h) => h.entity === 'child');
  return (
    <div className="notice notice--warning" role="alert">
      <p>{t('worklist.record.conflict')}</p>
      {last !== undefined && (
        <p>
          {t('worklist.record.lastChangedBy', {
            name: last.changedBy,
            date: formatDateTime(lang, last.changedAt),
          })}
        </p>
      )}
      <div className="table-wrap">
        <table className="table table--narrow">
          <caption>{t('worklist.record.conflictCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('worklist.record.field')}</th>
              <th scope="col">{t('worklist.record.yours')}</th>
              <th scope="col">{t('worklist.record.current')}</th>
            </tr>
          </thead>
          <tbody>
            {BASIC.map((name) => {
              const mine = name === 'gender' ? t(`gender.${conflict.mine.gender}`) : conflict.mine[name];
              const now = name === 'gender' ? t(`gender.${saved.gender}`) : saved[name];
              return (
                <tr key={name} className={mine === now ? undefined : 'record__differs'}>
                  <th scope="row">{fieldLabel(t, name)}</th>
                  <td>{mine === '' ? t('worklist.record.empty') : mine}</td>
                  <td>{now === '' ? t('worklist.record.empty') : now}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="actions">
        <button type="button" className="button button--primary" onClick={onReapply}>
          {t('worklist.record.reapply')}
        </button>
        <button type="button" className="button button--secondary" onClick={onKeep}>
          {t('worklist.record.useCurrent')}
        </button>
      </p>
    </div>
  );
}

function BasicDataForm({
  record,
  history,
}: {
  readonly record: ChildRecord;
  readonly history: readonly HistoryEntry[];
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateRecord(record.childId);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<BasicDataInput, unknown, BasicDataOutput>({
    resolver: zodResolver(BasicDataSchema),
    values: valuesOf(record),
    shouldFocusError: false,
  });
  const feedback = useFormFeedback(form.setError, BASIC);
  const save = useMutation({
    mutationFn: ({ values, version }: { values: BasicDataOutput; version: number }) =>
      apiPost<ChildRecord>(`/api/children/${encodeURIComponent(record.childId)}/basic-data`, {
        version,
        firstName: values.firstName,
        lastName: values.lastName,
        statedBirthDate: values.statedBirthDate === '' ? null : values.statedBirthDate,
        gender: values.gender,
      }),
    onSuccess: async () => {
      setConflict(null);
      setSaved(true);
      await invalidate();
    },
    onError: async (error, { values }) => {
      if (error instanceof ApiError && error.code === 'stale') {
        // Someone saved in between: fetch what is saved now and show it next to the user's changes.
        setConflict({ mine: values });
        await invalidate();
        return;
      }
      feedback.onServerError(error);
    },
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    setSaved(false);
    save.mutate({ values, version: record.version });
  }, feedback.onInvalid);
  const err = (name: BasicName) => fieldErrorText(t, form.formState.errors[name]);
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary
        errors={form.formState.errors}
        fields={BASIC_FIELDS}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      {conflict !== null && (
        <ConflictView
          conflict={conflict}
          current={record}
          history={history}
          onReapply={() => save.mutate({ values: conflict.mine, version: record.version })}
          onKeep={() => {
            setConflict(null);
            form.reset(valuesOf(record));
          }}
        />
      )}
      {saved && conflict === null && (
        <Success>
          <p role="status">{t('worklist.record.saved')}</p>
        </Success>
      )}
      <p className="hint">{t('worklist.record.version', { version: record.version })}</p>
      <TextField
        id="record-firstName"
        label={t('worklist.record.firstName')}
        error={err('firstName')}
        registration={form.register('firstName')}
      />
      <TextField
        id="record-lastName"
        label={t('worklist.record.lastName')}
        error={err('lastName')}
        registration={form.register('lastName')}
      />
      <TextField
        id="record-statedBirthDate"
        type="date"
        width="medium"
        label={t('worklist.record.statedBirthDate')}
        hint={t('worklist.record.statedBirthDateHint')}
        error={err('statedBirthDate')}
        registration={form.register('statedBirthDate')}
      />
      <RadioGroupField
        id="record-gender"
        label={t('worklist.record.gender')}
        error={err('gender')}
        registration={form.register('gender')}
        options={(['female', 'male', 'other'] as const).map((value) => ({
          value,
          label: t(`gender.${value}`),
        }))}
      />
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('form.sending') : t('worklist.record.save')}
      </button>
    </form>
  );
}

const IDENTIFIER_FIELDS = [
  { name: 'kind', id: 'identifier-kind', label: 'worklist.record.identifierKind' },
  { name: 'value', id: 'identifier-value', label: 'worklist.record.identifierValue' },
] as const;

function Identifiers({ record }: { readonly record: ChildRecord }) {
  const { t, lang } = useI18n();
  const invalidate = useInvalidateRecord(record.childId);
  const [added, setAdded] = useState(false);
  const form = useForm<IdentifierInput>({
    resolver: zodResolver(IdentifierSchema),
    defaultValues: { kind: 'personnummer', value: '' },
    shouldFocusError: false,
  });
  const feedback = useFormFeedback(form.setError, ['kind', 'value'] as const);
  const add = useMutation({
    mutationFn: (values: IdentifierInput) =>
      apiPost(`/api/children/${encodeURIComponent(record.childId)}/identifiers`, values),
    onSuccess: async () => {
      setAdded(true);
      form.reset({ kind: form.getValues('kind'), value: '' });
      await invalidate();
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    setAdded(false);
    add.mutate(values);
  }, feedback.onInvalid);
  return (
    <>
      <h3>{t('worklist.record.identifiers')}</h3>
      <div className="table-wrap">
        <table className="table table--narrow">
          <caption>{t('worklist.record.identifiersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('worklist.record.kind')}</th>
              <th scope="col">{t('worklist.record.value')}</th>
              <th scope="col">{t('worklist.record.added')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('worklist.record.mainDossier')}</th>
              <td className="nowrap">{record.dossierNumber}</td>
              <td>{t('common.missing')}</td>
            </tr>
            {record.identifiers.map((i) => (
              <tr key={i.id}>
                <th scope="row">{t(`worklist.identifier.${i.kind}`)}</th>
                <td className="nowrap">{i.kind === 'dossier' ? i.value : formatIdentityNumber(i.value)}</td>
                <td>{formatDateTime(lang, i.addedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={submit} noValidate className="form">
        <h4>{t('worklist.record.addIdentifier')}</h4>
        <ErrorSummary
          errors={form.formState.errors}
          fields={IDENTIFIER_FIELDS}
          general={feedback.general}
          attempt={feedback.attempt}
          level={5}
        />
        {added && (
          <Success>
            <p role="status">{t('worklist.record.identifierAdded')}</p>
          </Success>
        )}
        <SelectField
          id="identifier-kind"
          label={t('worklist.record.identifierKind')}
          error={fieldErrorText(t, form.formState.errors.kind)}
          registration={form.register('kind')}
        >
          {(['personnummer', 'samordningsnummer', 'dossier'] as const).map((kind) => (
            <option key={kind} value={kind}>
              {t(`worklist.identifier.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="identifier-value"
          width="medium"
          inputMode="numeric"
          label={t('worklist.record.identifierValue')}
          hint={t('worklist.record.identifierHint')}
          error={fieldErrorText(t, form.formState.errors.value)}
          registration={form.register('value')}
        />
        <button type="submit" className="button button--secondary" disabled={add.isPending}>
          {add.isPending ? t('form.sending') : t('worklist.record.addIdentifier')}
        </button>
      </form>
    </>
  );
}

function History({ history }: { readonly history: readonly HistoryEntry[] }) {
  const { t, lang } = useI18n();
  const shown = (value: string | null, field: string) => {
    if (value === null || value === '') return t('worklist.record.empty');
    if (field === 'gender' && (value === 'female' || value === 'male' || value === 'other'))
      return t(`gender.${value}`);
    if (field === 'personnummer' || field === 'samordningsnummer') return formatIdentityNumber(value);
    return value;
  };
  return (
    <>
      <h3>{t('worklist.record.history')}</h3>
      {history.length === 0 ? (
        <p>{t('worklist.record.noHistory')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--narrow">
            <caption>{t('worklist.record.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('worklist.record.when')}</th>
                <th scope="col">{t('worklist.record.field')}</th>
                <th scope="col">{t('worklist.record.old')}</th>
                <th scope="col">{t('worklist.record.new')}</th>
                <th scope="col">{t('worklist.record.who')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <th scope="row" className="nowrap">
                    {formatDateTime(lang, h.changedAt)}
                  </th>
                  <td>{fieldLabel(t, h.field)}</td>
                  <td>{shown(h.oldValue, h.field)}</td>
                  <td>{shown(h.newValue, h.field)}</td>
                  <td>{h.changedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Rendered for roles that may correct a child's record; hidden when the server says this child's is not theirs. */
export function RecordPanel({ child }: { readonly child: ChildDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const record = useChildRecord(child.id, open);
  const history = useChildHistory(child.id, open);
  if (record.error instanceof ApiError && (record.error.status === 403 || record.error.status === 404))
    return null;
  return (
    <section aria-labelledby="record-title" className="section card record">
      <h2 id="record-title">{t('worklist.record.title')}</h2>
      <p>{t('worklist.record.intro')}</p>
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls="record-body"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('worklist.record.hide') : t('worklist.record.show')}
      </button>
      <div id="record-body" hidden={!open}>
        {open && record.isPending && <Loading />}
        {record.isError && <LoadError error={record.error} />}
        {record.data !== undefined && (
          <>
            <BasicDataForm record={record.data} history={history.data ?? []} />
            <Identifiers record={record.data} />
            {history.data !== undefined && <History history={history.data} />}
            {record.data.mayMerge && <MergePanel record={record.data} />}
          </>
        )}
      </div>
    </section>
  );
}
