/**
 * Search before create: while an arrival is being registered, a warning when a record may already exist for the
 * child — the same dossier number, or the same birth date and a similar name (other spellings count).
 */
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { isIsoDate } from '../../../domain/time.ts';
import { useDuplicates, type DuplicateProbe } from '../../api/worklist-queries.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { useI18n } from '../../language.tsx';
import type { ArrivalInput, ArrivalOutput } from '../../schemas-allocation.ts';

/** The probe once the user has paused typing, and only with something to compare. */
function useSettled(probe: DuplicateProbe): DuplicateProbe {
  const [settled, setSettled] = useState(probe);
  const key = JSON.stringify(probe);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as DuplicateProbe), 400);
    return () => clearTimeout(timer);
  }, [key]);
  return settled;
}

/** Watches the arrival form's identity fields. */
export function DuplicateWarning({
  control,
}: {
  readonly control: Control<ArrivalInput, unknown, ArrivalOutput>;
}) {
  const [dossierNumber = '', firstName = '', lastName = '', birthDate = ''] = useWatch({
    control,
    name: ['dossierNumber', 'firstName', 'lastName', 'birthDate'],
  });
  return (
    <Warning dossierNumber={dossierNumber} firstName={firstName} lastName={lastName} birthDate={birthDate} />
  );
}

function Warning({
  dossierNumber,
  firstName,
  lastName,
  birthDate,
}: {
  readonly dossierNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
}) {
  const { t } = useI18n();
  const dossier = /^[0-9]{4,12}$/.test(dossierNumber.trim()) ? dossierNumber.trim() : undefined;
  const born = isIsoDate(birthDate.trim()) ? birthDate.trim() : undefined;
  const named = firstName.trim() !== '' || lastName.trim() !== '';
  const probe = useSettled({
    ...(dossier === undefined ? {} : { dossierNumber: dossier }),
    ...(born !== undefined && named
      ? { birthDate: born, firstName: firstName.trim(), lastName: lastName.trim() }
      : {}),
  });
  const duplicates = useDuplicates(probe, Object.keys(probe).length > 0);
  const found = duplicates.data ?? [];
  return (
    <div role="status" className="announce">
      {Object.keys(probe).length > 0 && found.length > 0 && (
        <div className="notice notice--warning">
          <p>{t('worklist.duplicate.warning')}</p>
          <ul className="plain-list">
            {found.map((d) => (
              <li key={d.child.id}>
                <Link to="/barn/$childId" params={{ childId: d.child.id }}>
                  {d.child.dossierNumber}
                </Link>{' '}
                <ChildName child={d.child} />, {d.child.birthDate} –{' '}
                {d.reasons.map((r) => t(`worklist.duplicate.${r}`)).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
