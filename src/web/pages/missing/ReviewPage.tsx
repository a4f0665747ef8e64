/**
 * Avvikna barn (issue 12, point 11): the responsible municipality's monthly review list — every open episode, most
 * overdue first, marked when a review is due this month; the review itself is the episode's step on the child's page.
 */
import { Link } from '@tanstack/react-router';
import { useReviewList } from '../../api/missing-queries.ts';
import type { ReviewItem } from '../../api/missing-types.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

export function ReviewPage() {
  const { t } = useI18n();
  const list = useReviewList();
  return (
    <Page title={t('missing.review.title')}>
      <p className="lead">{t('missing.review.intro')}</p>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {list.data !== undefined &&
        (list.data.episodes.length === 0 ? (
          <p>{t('missing.review.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption>{t('missing.review.caption', { month: list.data.month })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('missing.review.col.child')}</th>
                  <th scope="col">{t('missing.review.col.state')}</th>
                  <th scope="col">{t('missing.review.col.police')}</th>
                  <th scope="col">{t('missing.review.col.days')}</th>
                  <th scope="col">{t('missing.review.col.lastReview')}</th>
                  <th scope="col">{t('missing.review.col.due')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.episodes.map((e) => (
                  <Row key={e.episodeId} item={e} />
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </Page>
  );
}

function Row({ item: e }: { readonly item: ReviewItem }) {
  const { t, dateTime } = useI18n();
  const name = e.child.identityMasked
    ? t('missing.review.masked', { dossier: e.child.dossierNumber })
    : `${e.child.firstName ?? ''} ${e.child.lastName ?? ''}`;
  return (
    <tr>
      <th scope="row">
        <Link to="/barn/$childId" params={{ childId: e.child.id }} search={{ del: 'avvikande' }}>
          {name}
        </Link>
      </th>
      <td>{t(`missing.state.${e.state}` as MessageKey)}</td>
      <td className="nowrap">{e.policeReportedAt === null ? '–' : dateTime(e.policeReportedAt)}</td>
      <td>{e.daysOpen}</td>
      <td className="nowrap">{e.lastReviewedOn ?? t('missing.review.never')}</td>
      <td>{e.reviewDue ? <strong>{t('missing.review.due')}</strong> : t('missing.review.done')}</td>
    </tr>
  );
}
