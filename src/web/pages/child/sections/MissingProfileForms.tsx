/**
 * The forms of the prevention profile: a new version of the profile (every field sent whole), a new photo with its
 * date, one observation of a risk indicator. Shown only when the server says the caller may make that edit; the
 * server checks every field and answers with a Swedish message per field and reason.
 */
import { useState, type FormEvent } from 'react';
import { RISK_INDICATORS, RISK_SOURCE_GROUPS } from '../../../../domain/missing/risk-indicators.ts';
import { missingProfileUrl, useMissingProfileWrite } from '../../../api/missing-queries.ts';
import type { ProfileView, StoredProfile } from '../../../api/missing-types.ts';
import { Announce, Success } from '../../../components/Status.tsx';
import { useI18n } from '../../../language.tsx';
import { Field, Problems, problemsByField } from './missing-fields.tsx';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const parts = (line: string) => line.split(';').map((p) => p.trim());

type Values = Record<(typeof PROFILE_FIELDS)[number], string>;
const PROFILE_FIELDS = [
  'heightCm',
  'build',
  'hair',
  'eyes',
  'distinguishingMarks',
  'languages',
  'phones',
  'socialMedia',
  'contacts',
  'places',
  'previousEpisodes',
  'medicalNeeds',
] as const;
const MULTILINE = new Set([
  'languages',
  'phones',
  'socialMedia',
  'contacts',
  'places',
  'previousEpisodes',
  'medicalNeeds',
]);

function valuesOf(p: StoredProfile | undefined): Values {
  const d = p?.description;
  return {
    heightCm: d?.heightCm === null || d?.heightCm === undefined ? '' : String(d.heightCm),
    build: d?.build ?? '',
    hair: d?.hair ?? '',
    eyes: d?.eyes ?? '',
    distinguishingMarks: d?.distinguishingMarks ?? '',
    languages: (d?.languages ?? []).join('\n'),
    phones: (p?.phones ?? []).join('\n'),
    socialMedia: (p?.socialMedia ?? []).map((s) => `${s.platform}; ${s.handle}`).join('\n'),
    contacts: (p?.contacts ?? []).map((c) => [c.name, c.relation, c.phone ?? ''].join('; ')).join('\n'),
    places: (p?.places ?? []).join('\n'),
    previousEpisodes: p?.previousEpisodes ?? '',
    medicalNeeds: p?.medicalNeeds ?? '',
  };
}

/** The body as the contract takes it; a height that is not a whole number goes as typed, for the server's message. */
function bodyOf(v: Values, version: number) {
  const height = v.heightCm.trim();
  return {
    expectedVersion: version,
    description: {
      heightCm: height === '' ? null : /^\d+$/.test(height) ? Number(height) : height,
      build: v.build,
      hair: v.hair,
      eyes: v.eyes,
      distinguishingMarks: v.distinguishingMarks,
      languages: lines(v.languages),
    },
    phones: lines(v.phones),
    socialMedia: lines(v.socialMedia).map((l) => {
      const [platform = '', handle = ''] = parts(l);
      return { platform, handle };
    }),
    contacts: lines(v.contacts).map((l) => {
      const [name = '', relation = '', phone = ''] = parts(l);
      return { name, relation, phone: phone === '' ? null : phone };
    }),
    places: lines(v.places),
    previousEpisodes: v.previousEpisodes,
    medicalNeeds: v.medicalNeeds,
  };
}

const HINTS: Partial<
  Record<
    (typeof PROFILE_FIELDS)[number],
    | 'profile.hint.perLine'
    | 'profile.hint.socialMedia'
    | 'profile.hint.contacts'
    | 'profile.hint.medicalNeeds'
  >
> = {
  languages: 'profile.hint.perLine',
  phones: 'profile.hint.perLine',
  places: 'profile.hint.perLine',
  socialMedia: 'profile.hint.socialMedia',
  contacts: 'profile.hint.contacts',
  medicalNeeds: 'profile.hint.medicalNeeds',
};

export function ProfileForm({ childId, view }: { readonly childId: string; readonly view: ProfileView }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(() => valuesOf(view.current?.profile));
  const [saved, setSaved] = useState(false);
  const save = useMissingProfileWrite(childId, missingProfileUrl(childId), () => setSaved(true));
  const errors = problemsByField(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(bodyOf(values, view.version));
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <h3>{t('profile.edit')}</h3>
      <Problems error={save.error} prefix="mp" fields={PROFILE_FIELDS} />
      <Announce>
        {saved && (
          <Success>
            <p>{t('profile.saved')}</p>
          </Success>
        )}
      </Announce>
      {PROFILE_FIELDS.map((name) => {
        const hint = HINTS[name];
        return (
          <Field
            key={name}
            id={`mp-${name}`}
            label={t(`profile.field.${name}`)}
            hint={hint === undefined ? undefined : t(hint)}
            errors={errors.get(name)}
            value={values[name]}
            multiline={MULTILINE.has(name)}
            inputMode={name === 'heightCm' ? 'numeric' : undefined}
            onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
          />
        );
      })}
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('form.sending') : t('profile.save')}
      </button>
    </form>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function PhotoForm({ childId, view }: { readonly childId: string; readonly view: ProfileView }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [takenOn, setTakenOn] = useState('');
  const [saved, setSaved] = useState(false);
  const upload = useMissingProfileWrite<{
    mediaType: string;
    contentBase64: string;
    takenOn: string;
    expectedVersion: number;
  }>(childId, missingProfileUrl(childId, '/photo'), () => setSaved(true));
  const errors = problemsByField(upload.error);
  const fileErrors = [...(errors.get('contentBase64') ?? []), ...(errors.get('mediaType') ?? [])];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (file === null) return;
    upload.mutate({
      mediaType: file.type,
      contentBase64: await readBase64(file),
      takenOn: takenOn.trim(),
      expectedVersion: view.version,
    });
  };
  const invalid = fileErrors.length > 0;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      <h3>{t('profile.photo.upload')}</h3>
      <Problems error={upload.error} prefix="mp" fields={['contentBase64', 'mediaType', 'takenOn']} />
      <Announce>
        {saved && (
          <Success>
            <p>{t('profile.photo.saved')}</p>
          </Success>
        )}
      </Announce>
      <div className={invalid ? 'field field--error' : 'field'}>
        <label htmlFor="mp-contentBase64">{t('profile.photo.file')}</label>
        <p id="mp-contentBase64-hint" className="hint">
          {t('profile.photo.fileHint')}
        </p>
        {invalid && (
          <p id="mp-contentBase64-error" className="field-error">
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {fileErrors.join(' ')}
          </p>
        )}
        <input
          id="mp-contentBase64"
          type="file"
          className="file-input"
          accept="image/jpeg,image/png"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={
            invalid ? 'mp-contentBase64-hint mp-contentBase64-error' : 'mp-contentBase64-hint'
          }
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <Field
        id="mp-takenOn"
        label={t('profile.photo.takenOn')}
        hint={t('profile.dateHint')}
        errors={errors.get('takenOn')}
        value={takenOn}
        onChange={setTakenOn}
      />
      <button type="submit" className="button button--primary" disabled={upload.isPending || file === null}>
        {upload.isPending ? t('form.sending') : t('profile.photo.submit')}
      </button>
    </form>
  );
}

export function ObservationForm({ childId }: { readonly childId: string }) {
  const { t, lang } = useI18n();
  const [indicator, setIndicator] = useState('');
  const [observed, setObserved] = useState<boolean | null>(null);
  const [observedOn, setObservedOn] = useState('');
  const [note, setNote] = useState('');
  const [searchRelevant, setSearchRelevant] = useState(false);
  const [saved, setSaved] = useState(false);
  const record = useMissingProfileWrite(
    childId,
    `/api/children/${encodeURIComponent(childId)}/risk-observations`,
    () => setSaved(true),
  );
  const errors = problemsByField(record.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    record.mutate({ indicator, observed, observedOn: observedOn.trim(), note, searchRelevant });
  };
  const indicatorErrors = errors.get('indicator');
  const observedErrors = errors.get('observed');
  return (
    <form onSubmit={submit} noValidate className="form">
      <h3>{t('profile.observe')}</h3>
      <Problems error={record.error} prefix="ro" fields={['indicator', 'observed', 'observedOn', 'note']} />
      <Announce>
        {saved && (
          <Success>
            <p>{t('profile.observe.saved')}</p>
          </Success>
        )}
      </Announce>
      <div className={indicatorErrors === undefined ? 'field' : 'field field--error'}>
        <label htmlFor="ro-indicator">{t('profile.observe.indicator')}</label>
        {indicatorErrors !== undefined && (
          <p id="ro-indicator-error" className="field-error">
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {indicatorErrors.join(' ')}
          </p>
        )}
        <select
          id="ro-indicator"
          value={indicator}
          aria-invalid={indicatorErrors === undefined ? undefined : true}
          aria-describedby={indicatorErrors === undefined ? undefined : 'ro-indicator-error'}
          onChange={(e) => setIndicator(e.target.value)}
        >
          <option value="">{t('profile.choose')}</option>
          {RISK_SOURCE_GROUPS.map((group) => (
            <optgroup key={group} label={t(`profile.group.${group}`)}>
              {RISK_INDICATORS.filter((i) => i.group === group).map((i) => (
                <option key={i.code} value={i.code}>
                  {lang === 'en' ? i.en : i.sv}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <fieldset
        className={observedErrors === undefined ? 'field' : 'field field--error'}
        aria-describedby={observedErrors === undefined ? undefined : 'ro-observed-error'}
      >
        <legend>{t('profile.observe.observed')}</legend>
        {observedErrors !== undefined && (
          <p id="ro-observed-error" className="field-error">
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {observedErrors.join(' ')}
          </p>
        )}
        {([true, false] as const).map((value) => (
          <label key={String(value)} className="radio">
            <input
              type="radio"
              name="ro-observed"
              id={value ? 'ro-observed' : 'ro-observed-no'}
              checked={observed === value}
              onChange={() => setObserved(value)}
            />{' '}
            {t(value ? 'profile.observe.yes' : 'profile.observe.no')}
          </label>
        ))}
      </fieldset>
      <Field
        id="ro-observedOn"
        label={t('profile.observe.date')}
        hint={t('profile.dateHint')}
        errors={errors.get('observedOn')}
        value={observedOn}
        onChange={setObservedOn}
      />
      <Field
        id="ro-note"
        label={t('profile.observe.note')}
        errors={errors.get('note')}
        value={note}
        multiline
        onChange={setNote}
      />
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={searchRelevant}
            onChange={(e) => setSearchRelevant(e.target.checked)}
          />{' '}
          {t('profile.observe.searchRelevant')}
        </label>
      </div>
      <button type="submit" className="button button--primary" disabled={record.isPending}>
        {record.isPending ? t('form.sending') : t('profile.observe.submit')}
      </button>
    </form>
  );
}
