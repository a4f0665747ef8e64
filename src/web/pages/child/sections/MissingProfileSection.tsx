/**
 * The child's page: the prevention profile (förebyggande profil) — the current version with its photo, the earlier
 * versions, and the risk indicators as a list grouped by source, never summed. The forms appear only where the server
 * says the caller may make that edit (the responsible social services); the god man reads.
 */
import { RISK_INDICATORS, RISK_SOURCE_GROUPS } from '../../../../domain/missing/risk-indicators.ts';
import { missingProfileUrl, useMissingProfile } from '../../../api/missing-queries.ts';
import type { ProfileVersion, ProfileView } from '../../../api/missing-types.ts';
import type { ChildDetail } from '../../../api/types.ts';
import type { Overview } from '../../../api/worklist-types.ts';
import { LoadError, Loading } from '../../../components/Status.tsx';
import { isMessageKey } from '../../../i18n.ts';
import { useI18n } from '../../../language.tsx';
import { ObservationForm, PhotoForm, ProfileForm } from './MissingProfileForms.tsx';

export function MissingProfileSection({ child }: { readonly child: ChildDetail }) {
  const { t } = useI18n();
  const view = useMissingProfile(child.id);
  return (
    <section aria-labelledby="missing-title" className="section missing-section">
      <h2 id="missing-title">{t('profile.title')}</h2>
      <p className="hint">{t('profile.intro')}</p>
      {view.isPending && <Loading />}
      {view.isError && <LoadError error={view.error} />}
      {view.data !== undefined && <Profile childId={child.id} view={view.data} />}
    </section>
  );
}

function Profile({ childId, view }: { readonly childId: string; readonly view: ProfileView }) {
  const { t } = useI18n();
  return (
    <>
      {view.current === null ? (
        <p>{t('profile.none')}</p>
      ) : (
        <VersionView childId={childId} version={view.current} />
      )}
      {view.edits.photo && <PhotoForm key={`photo-${view.version}`} childId={childId} view={view} />}
      {view.edits.profile && <ProfileForm key={`profile-${view.version}`} childId={childId} view={view} />}
      <Indicators view={view} />
      {view.edits.observation && <ObservationForm childId={childId} />}
      {view.history.length > 0 && (
        <>
          <h3>{t('profile.history')}</h3>
          {view.history.map((v) => (
            <details key={v.version}>
              <summary>
                <Saved version={v} />
              </summary>
              <VersionView childId={childId} version={v} headed={false} />
            </details>
          ))}
        </>
      )}
    </>
  );
}

function Saved({ version }: { readonly version: ProfileVersion }) {
  const { t, dateTime } = useI18n();
  return t('profile.version', {
    version: version.version,
    at: dateTime(version.recordedAt),
    by: version.recordedBy,
  });
}

function VersionView({
  childId,
  version,
  headed = true,
}: {
  readonly childId: string;
  readonly version: ProfileVersion;
  readonly headed?: boolean;
}) {
  const { t } = useI18n();
  const p = version.profile;
  const d = p.description;
  const rows: [string, string | null][] = [
    [t('profile.field.heightCm'), d.heightCm === null ? null : String(d.heightCm)],
    [t('profile.field.build'), d.build],
    [t('profile.field.hair'), d.hair],
    [t('profile.field.eyes'), d.eyes],
    [t('profile.field.distinguishingMarks'), d.distinguishingMarks],
    [t('profile.field.languages'), d.languages.join(', ') || null],
    [t('profile.field.phones'), p.phones.join(', ') || null],
    [
      t('profile.field.socialMedia'),
      p.socialMedia.map((s) => `${s.platform}: ${s.handle}`).join(', ') || null,
    ],
    [t('profile.field.places'), p.places.join('; ') || null],
    [t('profile.field.previousEpisodes'), p.previousEpisodes],
    [t('profile.field.medicalNeeds'), p.medicalNeeds],
  ];
  return (
    <div className="missing-profile">
      {headed && (
        <p className="hint">
          <Saved version={version} />
        </p>
      )}
      <h4>{t('profile.photo')}</h4>
      {version.photo === null ? (
        <p>{t('profile.photo.none')}</p>
      ) : (
        <figure className="missing-profile__photo">
          <img
            src={missingProfileUrl(childId, `/photos/${version.photo.id}`)}
            alt={t('profile.photo.alt', { date: version.photo.takenOn })}
            width={160}
          />
          <figcaption>{t('profile.photo.taken', { date: version.photo.takenOn })}</figcaption>
        </figure>
      )}
      <h4>{t('profile.description')}</h4>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ?? '–'}</dd>
          </div>
        ))}
        <div>
          <dt>{t('profile.field.contacts')}</dt>
          <dd>
            {p.contacts.length === 0 ? (
              '–'
            ) : (
              <ul className="plain-list">
                {p.contacts.map((c) => (
                  <li key={`${c.name}-${c.relation}-${c.phone ?? ''}`}>
                    {[c.name, c.relation, c.phone].filter((x) => x !== null).join(', ')}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** The latest observation of each indicator, by source group: a list to read together, never a score. */
function Indicators({ view }: { readonly view: ProfileView }) {
  const { t, lang } = useI18n();
  const latest = new Map(view.indicators.map((o) => [o.indicator, o]));
  const role = (r: string) => {
    const key = `role.${r}`;
    return isMessageKey(key) ? t(key) : r;
  };
  return (
    <>
      <h3>{t('profile.indicators')}</h3>
      <p className="hint">{t('profile.indicators.intro')}</p>
      {view.indicators.length === 0 && <p>{t('profile.indicators.none')}</p>}
      {RISK_SOURCE_GROUPS.map((group) => {
        const seen = RISK_INDICATORS.filter((i) => i.group === group && latest.has(i.code));
        if (seen.length === 0) return null;
        return (
          <div key={group}>
            <h4>{t(`profile.group.${group}`)}</h4>
            <ul className="plain-list">
              {seen.map((i) => {
                const o = latest.get(i.code);
                if (o === undefined) return null;
                return (
                  <li key={i.code}>
                    <strong>{lang === 'en' ? i.en : i.sv}</strong>:{' '}
                    {t(o.observed ? 'profile.indicator.observed' : 'profile.indicator.notObserved')} (
                    {t('profile.indicator.meta', { date: o.observedOn, role: role(o.observerRole) })})
                    {o.searchRelevant && <> – {t('profile.indicator.searchRelevant')}</>}
                    {o.note !== '' && <p className="hint">{o.note}</p>}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      {view.observations.length > view.indicators.length && (
        <details>
          <summary>{t('profile.indicators.all')}</summary>
          <ul className="plain-list">
            {view.observations.map((o) => {
              const i = RISK_INDICATORS.find((x) => x.code === o.indicator);
              return (
                <li key={o.id}>
                  {i === undefined ? o.indicator : lang === 'en' ? i.en : i.sv}:{' '}
                  {t(o.observed ? 'profile.indicator.observed' : 'profile.indicator.notObserved')} (
                  {t('profile.indicator.meta', { date: o.observedOn, role: role(o.observerRole) })})
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </>
  );
}

/**
 * "Riskmoment" on the child's first view, from the overview (null where the role does not read the profile): a part of
 * "Att göra" under its heading, so the view's own heading stays the first one, the one that takes focus.
 */
export function RiskMoments({ overview }: { readonly overview: Overview }) {
  const { t } = useI18n();
  if (overview.riskMoments === null || overview.riskMoments.length === 0) return null;
  return (
    <section aria-labelledby="risk-moments-title" className="section risk-moments">
      <h3 id="risk-moments-title">{t('profile.moments')}</h3>
      <ul>
        {overview.riskMoments.map((m) => (
          <li key={m.kind}>
            {t(`profile.moment.${m.kind}`, { since: m.since ?? '', until: m.until ?? '' })}
          </li>
        ))}
      </ul>
    </section>
  );
}
