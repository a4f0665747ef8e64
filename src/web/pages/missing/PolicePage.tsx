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
            <div className="table-wrap">
              <table className="table">
                <caption>{t('police.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('police.col.name')}</th>
                    <th scope="col">{t('police.col.born')}</th>
                    <th scope="col">{t('police.col.gender')}</th>
                    <th scope="col">{t('police.col.lastSeen')}</th>
                    <th scope="col">{t('police.col.reference')}</th>
                    <th scope="col">{t('police.col.contact')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.episodes.map((e) => (
                    <Row key={e.episodeId} episode={e} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Page>
  );
}

function Row({ episode: e }: { readonly episode: PoliceEpisode }) {
  const { t, dateTime } = useI18n();
  return (
    <tr>
      <th scope="row">{e.name}</th>
      <td className="nowrap">{e.birthDate}</td>
      <td>{t(`gender.${e.gender}` as MessageKey)}</td>
      <td>
        {dateTime(e.lastSeenAt)}
        <br />
        {e.lastSeenPlace ?? t('police.protected', { municipality: e.municipality.name })}
      </td>
      <td className="nowrap">
        {e.policeReference ?? '–'}
        {e.policeReportedAt !== null && (
          <>
            <br />
            {dateTime(e.policeReportedAt)}
          </>
        )}
      </td>
      <td>
        {e.contacts.length > 0 && (
          <ul className="plain-list">
            {e.contacts.map((c) => (
              <li key={c.name}>{c.name}</li>
            ))}
          </ul>
        )}
        {t('police.contactDuty', { municipality: e.municipality.name })}
      </td>
    </tr>
  );
}
