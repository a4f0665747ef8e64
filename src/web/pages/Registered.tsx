/** The receipt after registering a child; it takes focus so the result is announced. */
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useI18n } from '../language.tsx';

export function Registered({
  childId,
  dossier,
  onAnother,
}: {
  readonly childId: string;
  readonly dossier: string;
  readonly onAnother: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice notice--success" ref={ref} tabIndex={-1} role="status">
      <p>{t('register.done', { dossier })}</p>
      <p className="actions">
        <Link to="/barn/$childId" params={{ childId }} className="button button--primary">
          {t('register.open')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('register.another')}
        </button>
      </p>
    </div>
  );
}
