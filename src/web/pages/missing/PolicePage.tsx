/**
 * The police view (ADR 0025): the children with an open missing episode in the officer's police region — identity,
 * when and where last seen, the police report and whom to call at the responsible social services. Nothing else of
 * the child is shown, and every view is logged with the purpose "missing search". For a child with a protected
 * identity the place is withheld and the social services on duty are the contact.
 */
import { usePoliceList } from '../../api/missing-queries.ts';
import type { PoliceEpisode } from '../../api/missing-types.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { RISK_INDICATORS } from '../../../domain/missing/risk-indicators.ts';

export function PolicePage() {
  const { t } = useI18n();
  const list = usePoliceList();
  return (
    <Page title={t('police.title')}>
      <p className="lead">{t('police.intro')}</p>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {list.data !== undefined && (
        <>
          <p>
            <strong>{t('police.region')}:</strong> {list.data.region}
          </p>
          {list.data.episodes.length === 0 ? (
            <p>{t('police.none')}</p>
          ) : (
            list.data.episodes.map((e) => <Child key={e.episodeId} episode={e} />)
          )}
        </>
      )}
    </Page>
  );
}

function Child({ episode: e }: { readonly episode: PoliceEpisode }) {
  const { t, lang, dateTime } = useI18n();
  const titleId = `police-child-${e.episodeId}`;
  const d = e.profile?.description;
  const indicatorText = (code: string) => {
    const found = RISK_INDICATORS.find((i) => i.code === code);
    return found === undefined ? code : lang === 'sv' ? found.sv : found.en;
  };
  return (
    <article className="card police-child" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {e.name}
        {e.protectedIdentity && <span className="tag tag--protected">{t('police.protectedTag')}</span>}
      </h2>
      <div className="police-child__body">
        {e.photo !== null && (
          <img
            className="police-child__photo"
            src={`/api/police/missing/${encodeURIComponent(e.episodeId)}/photo`}
            alt={t('police.photoAlt', { name: e.name, date: e.photo.takenOn })}
          />
        )}
        <dl className="facts">
          <div>
            <dt>{t('police.col.born')}</dt>
            <dd>
              {e.birthDate}, {t(`gender.${e.gender}` as MessageKey)}
            </dd>
          </div>
          <div>
            <dt>{t('police.col.lastSeen')}</dt>
            <dd>
              {dateTime(e.lastSeenAt)}
              <br />
              {e.lastSeenPlace ?? t('police.protected', { municipality: e.municipality.name })}
            </dd>
          </div>
          <div>
            <dt>{t('police.col.reference')}</dt>
            <dd>
              {e.policeReference ?? '–'}
              {e.policeReportedAt !== null && <> ({dateTime(e.policeReportedAt)})</>}
            </dd>
          </div>
          <div>
            <dt>{t('police.col.contact')}</dt>
            <dd>
              {e.contacts.map((c) => c.name).join(', ')}
              {e.contacts.length > 0 && <br />}
              {t('police.contactDuty', { municipality: e.municipality.name })}
            </dd>
          </div>
          {d !== undefined && (
            <div>
              <dt>{t('police.description')}</dt>
              <dd>
                {[
                  d.heightCm === null ? null : t('police.height', { cm: d.heightCm }),
                  d.build,
                  d.hair === null ? null : `${t('profile.field.hair')}: ${d.hair}`,
                  d.eyes === null ? null : `${t('profile.field.eyes')}: ${d.eyes}`,
                  d.distinguishingMarks,
                ]
                  .filter((x) => x !== null)
                  .join('. ') || '–'}
                {d.languages.length > 0 && (
                  <>
                    <br />
                    {t('profile.field.languages')}: {d.languages.join(', ')}
                  </>
                )}
              </dd>
            </div>
          )}
          {e.profile !== null && e.profile.phones.length > 0 && (
            <div>
              <dt>{t('profile.field.phones')}</dt>
              <dd>{e.profile.phones.join(', ')}</dd>
            </div>
          )}
          {e.profile !== null && e.profile.socialMedia.length > 0 && (
            <div>
              <dt>{t('profile.field.socialMedia')}</dt>
              <dd>{e.profile.socialMedia.map((m) => `${m.platform}: ${m.handle}`).join(', ')}</dd>
            </div>
          )}
          {e.profile !== null && e.profile.contacts.length > 0 && (
            <div>
              <dt>{t('profile.field.contacts')}</dt>
              <dd>
                {e.profile.contacts
                  .map((c) => [c.name, c.relation, c.phone].filter((x) => x !== null).join(', '))
                  .join('; ')}
              </dd>
            </div>
          )}
          {e.profile !== null && e.profile.places.length > 0 && (
            <div>
              <dt>{t('profile.field.places')}</dt>
              <dd>{e.profile.places.join(', ')}</dd>
            </div>
          )}
          {e.profile?.medicalNeeds != null && (
            <div>
              <dt>{t('profile.field.medicalNeeds')}</dt>
              <dd>{e.profile.medicalNeeds}</dd>
            </div>
          )}
          {e.indicators.length > 0 && (
            <div>
              <dt>{t('police.indicators')}</dt>
              <dd>
                <ul className="plain-list">
                  {e.indicators.map((i) => (
                    <li key={i.indicator}>
                      {indicatorText(i.indicator)} ({i.observedOn})
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      </div>
    </article>
  );
}
