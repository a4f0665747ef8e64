/**
 * "Mina uppdrag": the god man's current wards with what the god man needs to act — where the child lives, school, the
 * coming meetings and the languages to meet the child in. Only the god man's own wards; identities as the server
 * presents them.
 */
import { Link } from '@tanstack/react-router';
import { useMyWards } from '../../api/guardianship-queries.ts';
import type { Ward } from '../../api/guardianship-types.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { wardPlacementText, wardSchoolText } from './ward-text.ts';

function WardCard({ ward }: { readonly ward: Ward }) {
  const { t } = useI18n();
  const id = `ward-${ward.child.id}`;
  return (
    <section aria-labelledby={`${id}-title`} className="card ward">
      <h2 id={`${id}-title`}>
        <ChildName child={ward.child} />{' '}
        <span className="ward__dossier">
          ({t('guardianship.wards.child', { dossier: ward.child.dossierNumber })})
        </span>
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('guardianship.wards.birthDate')}</dt>
          <dd>{ward.child.birthDate}</dd>
        </div>
        <div>
          <dt>{t('guardianship.wards.since')}</dt>
          <dd>{ward.since}</dd>
        </div>
        <div>
          <dt>{t('guardianship.languages')}</dt>
          <dd>{ward.languages.length > 0 ? ward.languages.join(', ') : t('guardianship.unknown')}</dd>
        </div>
        <div>
          <dt>{t('guardianship.interpreter')}</dt>
          <dd>
            {ward.interpreterNeeded === null
              ? t('guardianship.unknown')
              : ward.interpreterNeeded
                ? t('guardianship.yes')
                : t('guardianship.no')}
          </dd>
        </div>
        {ward.whereabouts !== null && (
          <div>
            <dt>{t('guardianship.wards.whereabouts')}</dt>
            <dd>{ward.whereabouts}</dd>
          </div>
        )}
        <div>
          <dt>{t('guardianship.wards.placement')}</dt>
          <dd>{wardPlacementText(t, ward.placement)}</dd>
        </div>
        <div>
          <dt>{t('guardianship.wards.school')}</dt>
          <dd>{wardSchoolText(t, ward.school)}</dd>
        </div>
      </dl>
      <h3>{t('guardianship.wards.meetings')}</h3>
      {ward.meetings.length === 0 ? (
        <p>{t('guardianship.wards.noMeetings')}</p>
      ) : (
        <ul className="plain-list">
          {ward.meetings.map((m) => (
            <li key={`${m.kind}-${m.on}`}>
              <span className="nowrap">{m.on}</span>: {t(`guardianship.wards.meeting.${m.kind}`)}
            </li>
          ))}
        </ul>
      )}
      <ul className="plain-list">
        <li>
          <Link to="/barn/$childId" params={{ childId: ward.child.id }}>
            {t('guardianship.wards.open', { dossier: ward.child.dossierNumber })}
          </Link>
        </li>
        <li>
          <Link to="/barn/$childId/sarskilt-bidrag" params={{ childId: ward.child.id }}>
            {t('allowance.wardLink', { dossier: ward.child.dossierNumber })}
          </Link>
        </li>
      </ul>
    </section>
  );
}

export function MyWardsPage() {
  const { t, tn } = useI18n();
  const wards = useMyWards();
  return (
    <Page title={t('guardianship.wards.title')}>
      <p className="lead">{t('guardianship.wards.intro')}</p>
      <Announce>
        {wards.data !== undefined && (
          <p className="result-count">{tn('guardianship.wards.count', wards.data.length)}</p>
        )}
      </Announce>
      {wards.isPending && <Loading />}
      {wards.isError && <LoadError error={wards.error} />}
      {wards.data?.length === 0 && <p>{t('guardianship.wards.empty')}</p>}
      <div className="wards">
        {wards.data?.map((w) => (
          <WardCard key={w.child.id} ward={w} />
        ))}
      </div>
    </Page>
  );
}
