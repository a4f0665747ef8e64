/**
 * "Gode män": the guardianship authority's registry — contact, languages, municipalities, availability and the current
 * wards against the authority's own limit (a warning, never a rule) — with the profile forms and the limit.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Policy } from '../../api/guardianship-types.ts';
import { useRegistry, useRegistryChange } from '../../api/guardianship-queries.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { PolicySchema, type PolicyInput, type PolicyOutput } from '../../schemas-guardianship.ts';
import { useStepFeedback } from './form-kit.ts';
import { ProfileForm } from './ProfileForm.tsx';

function PolicyForm({
  policy,
  onSaved,
}: {
  readonly policy: Policy;
  readonly onSaved: (message: string) => void;
}) {
  const { t, tn } = useI18n();
  const form = useForm<PolicyInput, unknown, PolicyOutput>({
    resolver: zodResolver(PolicySchema),
    shouldFocusError: false,
    defaultValues: { maxWardsPerGodMan: String(policy.maxWardsPerGodMan) },
  });
  const feedback = useStepFeedback(form.setError, ['maxWardsPerGodMan']);
  const save = useRegistryChange(
    '/api/guardianship/policy',
    () => onSaved(t('guardianship.policy.saved')),
    feedback.onServerError,
  );
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    save.mutate(values);
  }, feedback.onInvalid);
  const fields = [
    { name: 'maxWardsPerGodMan', id: 'policy-max', label: 'guardianship.policy.field' },
  ] as const;
  return (
    <section aria-labelledby="policy-title" className="section">
      <h2 id="policy-title">{t('guardianship.policy.title')}</h2>
      <p className="hint">{t('guardianship.policy.intro')}</p>
      <p>
        {tn('guardianship.policy.current', policy.maxWardsPerGodMan)}{' '}
        {policy.isDefault && t('guardianship.policy.default')}
      </p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          errors={form.formState.errors}
          fields={fields}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextField
          id={fields[0].id}
          inputMode="numeric"
          width="short"
          label={t('guardianship.policy.field')}
          error={fieldErrorText(t, form.formState.errors.maxWardsPerGodMan)}
          registration={form.register('maxWardsPerGodMan')}
        />
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('form.sending') : t('guardianship.policy.submit')}
        </button>
      </form>
    </section>
  );
}

export function RegistryPage() {
  const { t } = useI18n();
  const registry = useRegistry();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // The new god man's form starts empty again after each save.
  const [round, setRound] = useState(0);
  const saved = (text: string) => {
    setMessage(text);
    setEditing(null);
    setRound((n) => n + 1);
  };
  const data = registry.data;
  const nameOf = (code: string) => data?.served.find((m) => m.code === code)?.name ?? code;
  const editedEntry = data?.items.find((i) => i.userId === editing);
  return (
    <Page title={t('guardianship.registry.title')}>
      <p className="lead">{t('guardianship.registry.intro')}</p>
      <Announce>
        {message !== null && (
          <Success>
            <p>{message}</p>
          </Success>
        )}
      </Announce>
      {registry.isPending && <Loading />}
      {registry.isError && <LoadError error={registry.error} />}
      {data !== undefined && (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption>{t('guardianship.registry.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('guardianship.registry.col.name')}</th>
                  <th scope="col">{t('guardianship.registry.col.contact')}</th>
                  <th scope="col">{t('guardianship.registry.col.languages')}</th>
                  <th scope="col">{t('guardianship.registry.col.municipalities')}</th>
                  <th scope="col">{t('guardianship.registry.col.available')}</th>
                  <th scope="col" className="num">
                    {t('guardianship.registry.col.wards')}
                  </th>
                  <th scope="col">{t('guardianship.registry.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((g) => (
                  <tr key={g.userId}>
                    <th scope="row">{g.name}</th>
                    <td>{[g.phone, g.email].filter((x) => x !== null).join(', ')}</td>
                    <td>{g.languages.join(', ')}</td>
                    <td>
                      {g.inRegistry ? (
                        g.municipalityCodes.map(nameOf).join(', ')
                      ) : (
                        <span className="tag tag--warning">{t('guardianship.registry.notInRegistry')}</span>
                      )}
                    </td>
                    <td>
                      {g.inRegistry
                        ? g.available
                          ? t('guardianship.registry.availableYes')
                          : t('guardianship.registry.availableNo')
                        : ''}
                    </td>
                    <td className="num">
                      {g.wards}{' '}
                      {g.wards > data.policy.maxWardsPerGodMan && (
                        <span className="tag tag--danger">{t('guardianship.registry.overLimit')}</span>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        aria-label={t('guardianship.registry.editLabel', { name: g.name })}
                        aria-expanded={editing === g.userId}
                        onClick={() => {
                          setMessage(null);
                          setEditing(editing === g.userId ? null : g.userId);
                        }}
                      >
                        {t('guardianship.registry.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {editedEntry !== undefined && (
            <ProfileForm
              key={editedEntry.userId}
              entry={editedEntry}
              served={data.served}
              onSaved={saved}
              onCancel={() => setEditing(null)}
            />
          )}
          <ProfileForm key={`new-${round}`} entry={undefined} served={data.served} onSaved={saved} />
          <PolicyForm key={data.policy.maxWardsPerGodMan} policy={data.policy} onSaved={saved} />
        </>
      )}
    </Page>
  );
}
