/**
 * The journal of the child's personakt: dated entries with their author, "not for the child" marked, logged
 * correspondence, a filter between them, and (for the responsible municipality) forms for a note and for
 * correspondence. Shown inside PersonaktSection.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CHANNELS, DIRECTIONS } from '../../../domain/social-case/codes.ts';
import { apiPost } from '../../api/client.ts';
import { usePersonaktJournal } from '../../api/casework-queries.ts';
import { afterChildStep } from '../../api/child-keys.ts';
import type { JournalEntryCreated, PersonaktEntry } from '../../api/casework-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import {
  CheckboxField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  CorrespondenceSchema,
  NoteSchema,
  type CorrespondenceInput,
  type NoteInput,
} from '../../schemas-casework.ts';

type Filter = 'all' | 'note' | 'correspondence';

export function Journal({ childId, mayWrite }: { readonly childId: string; readonly mayWrite: boolean }) {
  const { t } = useI18n();
  const journal = usePersonaktJournal(childId);
  const [filter, setFilter] = useState<Filter>('all');
  const shown = (journal.data ?? []).filter((e) => filter === 'all' || e.kind === filter);
  return (
    <>
      <h3>{t('personakt.journal')}</h3>
      <fieldset className="fieldset filters">
        <legend>{t('personakt.filter')}</legend>
        <div className="radios">
          {(['all', 'note', 'correspondence'] as const).map((f) => (
            <div className="check" key={f}>
              <input
                id={`journal-filter-${f}`}
                type="radio"
                name="journal-filter"
                value={f}
                checked={filter === f}
                onChange={() => setFilter(f)}
              />
              <label htmlFor={`journal-filter-${f}`}>{t(`personakt.filter.${f}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {journal.isPending && <Loading />}
      {journal.isError && <LoadError error={journal.error} />}
      {journal.data !== undefined && shown.length === 0 && <p>{t('personakt.empty')}</p>}
      {shown.length > 0 && (
        <ol className="journal">
          {shown.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      {mayWrite && <NoteForm childId={childId} />}
      {mayWrite && <CorrespondenceForm childId={childId} />}
    </>
  );
}

function Entry({ entry }: { readonly entry: PersonaktEntry }) {
  const { t } = useI18n();
  return (
    <li className="journal__entry">
      <p className="journal__meta">
        <span className="tag tag--kind">{t(`personakt.kind.${entry.kind}`)}</span>{' '}
        {t('personakt.entryMeta', { date: entry.occurredOn, author: entry.author })}
        {entry.notForChild && <span className="tag tag--warning"> {t('personakt.notForChild')}</span>}
      </p>
      {entry.kind === 'correspondence' && entry.direction !== null && entry.channel !== null && (
        <p className="journal__meta">
          {t('personakt.correspondenceMeta', {
            direction: t(`personakt.direction.${entry.direction}`),
            channel: t(`personakt.channel.${entry.channel}`),
            counterpart: entry.counterpart ?? '',
          })}
        </p>
      )}
      <p className="journal__body">{entry.body}</p>
    </li>
  );
}

function useSaveEntry(childId: string, onSaved: () => void, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiPost<JournalEntryCreated>(`/api/children/${encodeURIComponent(childId)}/journal`, body),
    onSuccess: async () => {
      onSaved();
      await afterChildStep(queryClient, childId);
    },
    onError,
  });
}

const NOTE_FIELDS = [
  { name: 'body', id: 'note-body', label: 'personakt.note.body' },
  { name: 'occurredOn', id: 'note-occurredOn', label: 'personakt.note.occurredOn' },
] as const;

/** After a save, focus moves to the confirmation (the form stays, emptied for the next note). */
function useFocusWhen(condition: boolean) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (condition) ref.current?.focus();
  }, [condition]);
  return ref;
}

function NoteForm({ childId }: { readonly childId: string }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const confirmation = useFocusWhen(saved);
  const empty = (): NoteInput => ({ body: '', occurredOn: todayInSweden(), notForChild: false });
  const form = useForm<NoteInput>({
    resolver: zodResolver(NoteSchema),
    shouldFocusError: false,
    defaultValues: empty(),
  });
  const feedback = useFormFeedback(form.setError, ['body', 'occurredOn']);
  const save = useSaveEntry(
    childId,
    () => {
      setSaved(true);
      form.reset(empty());
    },
    feedback.onServerError,
  );
  const submit = form.handleSubmit((v) => {
    setSaved(false);
    feedback.clear();
    save.mutate({ kind: 'note', ...v });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form">
      <h4>{t('personakt.note.title')}</h4>
      <ErrorSummary
        errors={errors}
        fields={NOTE_FIELDS}
        general={feedback.general}
        attempt={feedback.attempt}
        level={5}
      />
      <Announce>
        {saved && (
          <Success>
            <p ref={confirmation} tabIndex={-1}>
              {t('personakt.note.saved')}
            </p>
          </Success>
        )}
      </Announce>
      <TextField
        id="note-occurredOn"
        type="date"
        width="short"
        label={t('personakt.note.occurredOn')}
        error={fieldErrorText(t, errors.occurredOn)}
        registration={form.register('occurredOn')}
      />
      <TextAreaField
        id="note-body"
        label={t('personakt.note.body')}
        error={fieldErrorText(t, errors.body)}
        registration={form.register('body')}
      />
      <CheckboxField
        id="note-notForChild"
        label={t('personakt.note.notForChild')}
        hint={t('personakt.note.notForChildHint')}
        registration={form.register('notForChild')}
      />
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('form.sending') : t('personakt.note.save')}
      </button>
    </form>
  );
}

const LETTER_FIELDS = [
  { name: 'occurredOn', id: 'letter-occurredOn', label: 'personakt.letter.occurredOn' },
  { name: 'direction', id: 'letter-direction', label: 'personakt.direction' },
  { name: 'counterpart', id: 'letter-counterpart', label: 'personakt.counterpart' },
  { name: 'channel', id: 'letter-channel', label: 'personakt.channel' },
  { name: 'body', id: 'letter-body', label: 'personakt.letter.body' },
] as const;

function CorrespondenceForm({ childId }: { readonly childId: string }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const confirmation = useFocusWhen(saved);
  const empty = (): CorrespondenceInput => ({
    body: '',
    occurredOn: todayInSweden(),
    direction: '' as 'incoming',
    counterpart: '',
    channel: '' as 'letter',
    notForChild: false,
  });
  const form = useForm<CorrespondenceInput>({
    resolver: zodResolver(CorrespondenceSchema),
    shouldFocusError: false,
    defaultValues: empty(),
  });
  const feedback = useFormFeedback(form.setError, [
    'occurredOn',
    'direction',
    'counterpart',
    'channel',
    'body',
  ]);
  const save = useSaveEntry(
    childId,
    () => {
      setSaved(true);
      form.reset(empty());
    },
    feedback.onServerError,
  );
  const submit = form.handleSubmit((v) => {
    setSaved(false);
    feedback.clear();
    save.mutate({ kind: 'correspondence', ...v });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form">
      <h4>{t('personakt.letter.title')}</h4>
      <ErrorSummary
        errors={errors}
        fields={LETTER_FIELDS}
        general={feedback.general}
        attempt={feedback.attempt}
        level={5}
      />
      <Announce>
        {saved && (
          <Success>
            <p ref={confirmation} tabIndex={-1}>
              {t('personakt.letter.saved')}
            </p>
          </Success>
        )}
      </Announce>
      <TextField
        id="letter-occurredOn"
        type="date"
        width="short"
        label={t('personakt.letter.occurredOn')}
        error={fieldErrorText(t, errors.occurredOn)}
        registration={form.register('occurredOn')}
      />
      <RadioGroupField
        id="letter-direction"
        label={t('personakt.direction')}
        error={fieldErrorText(t, errors.direction)}
        registration={form.register('direction')}
        options={DIRECTIONS.map((d) => ({ value: d, label: t(`personakt.direction.${d}`) }))}
      />
      <TextField
        id="letter-counterpart"
        label={t('personakt.counterpart')}
        hint={t('personakt.counterpartHint')}
        error={fieldErrorText(t, errors.counterpart)}
        registration={form.register('counterpart')}
      />
      <SelectField
        id="letter-channel"
        label={t('personakt.channel')}
        error={fieldErrorText(t, errors.channel)}
        registration={form.register('channel')}
      >
        <option value="">{t('casework.choose')}</option>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`personakt.channel.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="letter-body"
        rows={3}
        label={t('personakt.letter.body')}
        error={fieldErrorText(t, errors.body)}
        registration={form.register('body')}
      />
      <CheckboxField
        id="letter-notForChild"
        label={t('personakt.note.notForChild')}
        registration={form.register('notForChild')}
      />
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('form.sending') : t('personakt.letter.save')}
      </button>
    </form>
  );
}
