/**
 * The child's page: the personakt. The journal (notes and correspondence, "not for the child" marked) and the
 * documents (PDF, PNG, JPEG; downloaded as attachments, every read logged). A former municipality sees only what its
 * own organisation filed, and cannot add anything.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { apiPost } from '../../../api/client.ts';
import { documentUrl, useDocuments } from '../../../api/casework-queries.ts';
import { afterChildStep } from '../../../api/child-keys.ts';
import type { CaseDocuments } from '../../../api/casework-types.ts';
import type { ChildDetail } from '../../../api/types.ts';
import { ErrorSummary } from '../../../components/form/ErrorSummary.tsx';
import { CheckboxField, TextField } from '../../../components/form/fields.tsx';
import { useFormFeedback } from '../../../components/form/useFormFeedback.ts';
import { Announce, LoadError, Loading, Success } from '../../../components/Status.tsx';
import { fieldErrorText } from '../../../form-errors.ts';
import { useI18n } from '../../../language.tsx';
import { uploadSchema, type UploadInput } from '../../../schemas-casework.ts';
import { Journal } from '../JournalSection.tsx';

export function PersonaktSection({
  child,
  access,
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
}) {
  const { t } = useI18n();
  const mayWrite = access === 'write' && child.mayWrite;
  return (
    <section aria-labelledby="personakt-title" className="section">
      <h2 id="personakt-title">{t('personakt.title')}</h2>
      <p className="hint">{t('personakt.intro')}</p>
      {child.journalAccess === 'own_organisation' && (
        <p className="notice notice--info">{t('personakt.ownOnly')}</p>
      )}
      <Journal childId={child.id} mayWrite={mayWrite} />
      <Documents childId={child.id} mayWrite={mayWrite} />
    </section>
  );
}

/** A file size in the UI language's number format ("5,0 MB" in Swedish). */
function size(bytes: number, lang: string): string {
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  return bytes >= 1024 * 1024
    ? `${format(bytes / (1024 * 1024), 1)} MB`
    : `${format(Math.max(1, Math.round(bytes / 1024)), 0)} kB`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

function Documents({ childId, mayWrite }: { readonly childId: string; readonly mayWrite: boolean }) {
  const { t, dateTime, lang } = useI18n();
  const docs = useDocuments(childId);
  return (
    <>
      <h3>{t('personakt.documents')}</h3>
      {docs.isPending && <Loading />}
      {docs.isError && <LoadError error={docs.error} />}
      {docs.data?.items.length === 0 && <p>{t('personakt.documents.none')}</p>}
      {docs.data !== undefined && docs.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('personakt.documents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('personakt.documents.col.title')}</th>
                <th scope="col">{t('personakt.documents.col.type')}</th>
                <th scope="col">{t('personakt.documents.col.size')}</th>
                <th scope="col">{t('personakt.documents.col.uploaded')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('personakt.documents.download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {docs.data.items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {d.title}
                    {d.notForChild && <span className="tag tag--warning"> {t('personakt.notForChild')}</span>}
                  </th>
                  <td>{TYPE_NAMES[d.mediaType] ?? d.mediaType}</td>
                  <td className="nowrap">{size(d.sizeBytes, lang)}</td>
                  <td>{t('personakt.entryMeta', { date: dateTime(d.createdAt), author: d.uploadedBy })}</td>
                  <td>
                    <a
                      href={documentUrl(childId, d.id)}
                      download={d.fileName}
                      aria-label={t('personakt.documents.downloadLabel', { title: d.title })}
                    >
                      {t('personakt.documents.download')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayWrite && docs.data !== undefined && <UploadForm childId={childId} limits={docs.data} />}
    </>
  );
}

const UPLOAD_FIELDS = [
  { name: 'title', id: 'upload-title', label: 'personakt.upload.docTitle' },
  { name: 'file', id: 'upload-file', label: 'personakt.upload.file' },
] as const;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function UploadForm({ childId, limits }: { readonly childId: string; readonly limits: CaseDocuments }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<UploadInput>({
    resolver: zodResolver(uploadSchema(limits.maxBytes)),
    shouldFocusError: false,
    defaultValues: { title: '', notForChild: false },
  });
  const feedback = useFormFeedback(form.setError, ['title', 'file'], (name) =>
    name === 'contentBase64' || name === 'mediaType' || name === 'fileName' || name === 'body'
      ? 'file'
      : name,
  );
  const upload = useMutation({
    mutationFn: async (v: UploadInput) => {
      const file = v.file[0];
      if (file === undefined) throw new Error('no file');
      return apiPost(`/api/children/${encodeURIComponent(childId)}/documents`, {
        title: v.title,
        fileName: file.name,
        mediaType: file.type,
        contentBase64: await readBase64(file),
        notForChild: v.notForChild,
      });
    },
    onSuccess: async () => {
      setSaved(true);
      form.reset({ title: '', notForChild: false });
      await afterChildStep(queryClient, childId);
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((v) => {
    setSaved(false);
    feedback.clear();
    upload.mutate(v);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fileError = fieldErrorText(t, errors.file);
  const hint = t('personakt.upload.fileHint', { size: size(limits.maxBytes, lang) });
  return (
    <form onSubmit={submit} noValidate className="form">
      <h4>{t('personakt.upload.title')}</h4>
      <ErrorSummary
        errors={errors}
        fields={UPLOAD_FIELDS}
        general={feedback.general}
        attempt={feedback.attempt}
        level={5}
      />
      <Announce>
        {saved && (
          <Success>
            <p>{t('personakt.upload.saved')}</p>
          </Success>
        )}
      </Announce>
      <TextField
        id="upload-title"
        label={t('personakt.upload.docTitle')}
        error={fieldErrorText(t, errors.title)}
        registration={form.register('title')}
      />
      <div className={fileError === undefined ? 'field' : 'field field--error'}>
        <label htmlFor="upload-file">{t('personakt.upload.file')}</label>
        <p id="upload-file-hint" className="hint">
          {hint}
        </p>
        {fileError !== undefined && (
          <p id="upload-file-error" className="field-error">
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {fileError}
          </p>
        )}
        <input
          id="upload-file"
          type="file"
          className="file-input"
          accept="application/pdf,image/png,image/jpeg"
          aria-invalid={fileError === undefined ? undefined : true}
          aria-describedby={
            fileError === undefined ? 'upload-file-hint' : 'upload-file-hint upload-file-error'
          }
          {...form.register('file')}
        />
      </div>
      <CheckboxField
        id="upload-notForChild"
        label={t('personakt.upload.notForChild')}
        registration={form.register('notForChild')}
      />
      <button type="submit" className="button button--primary" disabled={upload.isPending}>
        {upload.isPending ? t('form.sending') : t('personakt.upload.submit')}
      </button>
    </form>
  );
}
