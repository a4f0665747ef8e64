/**
 * "Registrera ankomst": search first (is the child already registered?), then register the arriving child. After
 * registering, the officer can go on to a sibling who arrived together, or decide at once.
 */
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { DefaultValues } from 'react-hook-form';
import { useMunicipalityName } from '../../components/MunicipalityOptions.tsx';
import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../language.tsx';
import type { ArrivalInput } from '../../schemas-allocation.ts';
import { AllocationTabs } from './AllocationTabs.tsx';
import { ArrivalForm, EMPTY_ARRIVAL, type Registered } from './ArrivalForm.tsx';
import { ArrivalSearch } from './ArrivalSearch.tsx';

/** What the search already says: a dossier number, or a first and last name. */
function fromSearch(q: string): DefaultValues<ArrivalInput> {
  if (/^[0-9]{4,12}$/.test(q)) return { ...EMPTY_ARRIVAL, dossierNumber: q };
  const [firstName = '', ...rest] = q.split(/\s+/);
  return { ...EMPTY_ARRIVAL, firstName, lastName: rest.join(' ') };
}

function Receipt({
  registered,
  onSibling,
  onAnother,
}: {
  readonly registered: Registered;
  readonly onSibling: () => void;
  readonly onAnother: () => void;
}) {
  const { t } = useI18n();
  const name = useMunicipalityName();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const relative = registered.values.relativeMunicipalityCode ?? '';
  return (
    <div className="notice notice--success" ref={ref} tabIndex={-1} role="status">
      <p>{t('register.done', { dossier: registered.dossier })}</p>
      {registered.relativeAssessmentId !== null && relative !== '' && (
        <p>{t('arrival.assessmentOpened', { name: name(relative) })}</p>
      )}
      <p className="actions">
        <Link
          to="/anvisning/barn/$childId"
          params={{ childId: registered.id }}
          className="button button--primary"
        >
          {t('arrival.decideNow')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onSibling}>
          {t('arrival.registerSibling')}
        </button>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('register.another')}
        </button>
      </p>
    </div>
  );
}

export function RegisterArrivalPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [initial, setInitial] = useState<DefaultValues<ArrivalInput> | null>(null);
  // Each new form (another child, a sibling) starts from fresh values.
  const [formKey, setFormKey] = useState(0);
  const start = (values: DefaultValues<ArrivalInput>) => {
    setRegistered(null);
    setInitial(values);
    setFormKey((n) => n + 1);
  };
  return (
    <Page title={t('arrival.title')}>
      <p className="lead">{t('arrival.intro')}</p>
      <AllocationTabs />
      {registered !== null ? (
        <Receipt
          registered={registered}
          onSibling={() =>
            start({
              ...EMPTY_ARRIVAL,
              lastName: registered.values.lastName,
              arrivalMunicipalityCode: registered.values.arrivalMunicipalityCode,
              arrivalDate: registered.values.arrivalDate,
              whereabouts: registered.values.whereabouts,
              siblingOfChildId: registered.id,
            })
          }
          onAnother={() => {
            setQ('');
            setRegistered(null);
            setInitial(null);
          }}
        />
      ) : (
        <>
          <ArrivalSearch
            key={formKey}
            q={q}
            onSearch={(text) => {
              setQ(text);
              if (initial === null && text !== '') start(fromSearch(text));
            }}
          />
          {initial === null ? (
            <p>{t('arrival.searchFirst')}</p>
          ) : (
            <section aria-labelledby="arrival-form-title" className="section">
              <h2 id="arrival-form-title">{t('arrival.formTitle')}</h2>
              <ArrivalForm key={formKey} initial={initial} onRegistered={setRegistered} />
            </section>
          )}
        </>
      )}
    </Page>
  );
}
