/** The child's basic facts, responsibility periods and guardians; for a provider's staff, the placement with them. */
import type { ChildDetail } from '../../api/types.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { useI18n } from '../../language.tsx';

export function ChildFacts({ child }: { readonly child: ChildDetail }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="facts-title" className="section">
      <h2 id="facts-title">{t('child.facts')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('child.dossier')}</dt>
          <dd>{child.dossierNumber}</dd>
        </div>
        <div>
          <dt>{t('child.name')}</dt>
          <dd data-testid="child-name">
            <ChildName child={child} />
          </dd>
        </div>
        <div>
          <dt>{t('child.birthDate')}</dt>
          <dd>{child.birthDate}</dd>
        </div>
        <div>
          <dt>{t('child.gender')}</dt>
          <dd>{t(`gender.${child.gender}`)}</dd>
        </div>
        <div>
          <dt>{t('child.municipality')}</dt>
          <dd>{child.responsibleMunicipality?.name ?? t('common.missing')}</dd>
        </div>
        {!child.identityMasked && child.whereabouts !== null && (
          <div>
            <dt>{t('child.whereabouts')}</dt>
            <dd>{child.whereabouts}</dd>
          </div>
        )}
        <div>
          <dt>{t('child.access')}</dt>
          <dd>
            {t(`view.${child.view}`)} ({basisText(t, child.basis)})
          </dd>
        </div>
      </dl>
      {child.placedWithProvider !== null && <PlacedWithProvider stay={child.placedWithProvider} />}
    </section>
  );
}

/** For the staff of the provider the child lives with: since when, and whom to call at social services. */
function PlacedWithProvider({ stay }: { readonly stay: NonNullable<ChildDetail['placedWithProvider']> }) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('child.placedWith.title')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('child.placedWith.provider')}</dt>
          <dd>{stay.provider}</dd>
        </div>
        <div>
          <dt>{t('child.placedWith.since')}</dt>
          <dd>{stay.since}</dd>
        </div>
        <div>
          <dt>{t('child.placedWith.call')}</dt>
          <dd>
            {stay.socialWorkers.length === 0 ? t('child.placedWith.noWorker') : stay.socialWorkers.join(', ')}
          </dd>
        </div>
      </dl>
    </>
  );
}

function basisText(t: ReturnType<typeof useI18n>['t'], basis: string): string {
  switch (basis) {
    case 'responsible_municipality':
    case 'former_municipality':
    case 'relative_assessment':
    case 'transfer_request':
    case 'guardianship_authority':
    case 'guardian':
    case 'region':
    case 'migration_agency':
    case 'placement_provider':
    case 'emergency':
      return t(`basis.${basis}`);
    default:
      return t('basis.none');
  }
}

export function ResponsibilityTable({
  periods,
}: {
  readonly periods: NonNullable<ChildDetail['responsibility']>;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--narrow">
        <caption>{t('child.responsibility')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('child.col.municipality')}</th>
            <th scope="col">{t('child.col.kind')}</th>
            <th scope="col">{t('child.col.from')}</th>
            <th scope="col">{t('child.col.to')}</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={`${p.kind}-${p.from}-${p.municipality.code}`}>
              <th scope="row">{p.municipality.name}</th>
              <td>{t(`responsibility.${p.kind}`)}</td>
              <td className="nowrap">{p.from}</td>
              <td className="nowrap">{p.to ?? t('common.ongoing')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
