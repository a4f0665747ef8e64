/** The child's journal: entries the role may read and, for the responsible municipality, a form for a new entry. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { useJournal } from '../../api/queries.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextAreaField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { JournalEntrySchema, type JournalEntryInput } from '../../schemas.ts';

const JOURNAL_FIELDS = [{ name: 'body', id: 'journal-body', label: 'journal.body' }] as const;

function JournalForm({ childId }: { readonly childId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<JournalEntryInput>({
    resolver: zodResolver(JournalEntrySchema),
    shouldFocusError: false,
    defaultValues: { body: '' },
  });
  const feedback = useFormFeedback(form.setError, ['body']);
  const save = useMutation({
    mutationFn: (values: JournalEntryInput) =>
      apiPost<{ id: string }>(`/api/children/${encodeURIComponent(childId)}/journal`, values),
    onSuccess: async () => {
      form.reset({ body: '' });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['journal', childId] });
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    setSaved(false);
    feedback.clear();
    save.mutate(values);
  }, feedback.onInvalid);
  return (
    <form onSubmit={submit} noValidate className="form">
      <h3>{t('journal.add')}</h3>
      <ErrorSummary
        errors={form.formState.errors}
        fields={JOURNAL_FIELDS}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <Announce>
        {saved && (
          <Success>
            <p>{t('journal.saved')}</p>
          </Success>
        )}
      </Announce>
      <TextAreaField
        id="journal-body"
        label={t('journal.body')}
        error={fieldErrorText(t, form.formState.errors.body)}
        registration={form.register('body')}
      />
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('form.sending') : t('journal.save')}
      </button>
    </form>
  );
}

export function JournalSection({
  childId,
  ownOnly,
  mayWrite,
}: {
  readonly childId: string;
  readonly ownOnly: boolean;
  readonly mayWrite: boolean;
}) {
  const { t, dateTime } = useI18n();
  const journal = useJournal(childId, true);
  return (
    <section aria-labelledby="journal-title" className="section">
      <h2 id="journal-title">{t('journal.title')}</h2>
      {ownOnly && <p className="hint">{t('journal.ownOnly')}</p>}
      {journal.isPending && <Loading />}
      {journal.isError && <LoadError error={journal.error} />}
      {journal.data?.length === 0 && <p>{t('journal.empty')}</p>}
      {journal.data !== undefined && journal.data.length > 0 && (
        <ol className="journal">
          {journal.data.map((entry) => (
            <li key={entry.id} className="journal__entry">
              <p className="journal__meta">
                {t('journal.by', { author: entry.author, time: dateTime(entry.createdAt) })}
              </p>
              <p className="journal__body">{entry.body}</p>
            </li>
          ))}
        </ol>
      )}
      {mayWrite && <JournalForm childId={childId} />}
    </section>
  );
}
