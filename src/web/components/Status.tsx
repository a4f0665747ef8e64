/** Loading and failure messages for data that arrives asynchronously; announced politely to screen readers. */
import type { ReactNode } from 'react';
import { apiErrorText } from '../form-errors.ts';
import { useI18n } from '../language.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="status" role="status">
      {t('common.loading')}
    </p>
  );
}

export function LoadError({ error }: { readonly error: unknown }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{error === null ? t('common.loadFailed') : apiErrorText(t, error)}</p>
    </div>
  );
}

/** A polite live region that is always in the page, so that what appears in it is announced. */
export function Announce({ children }: { readonly children: ReactNode }) {
  return (
    <div role="status" className="announce">
      {children}
    </div>
  );
}

export function Success({ children }: { readonly children: ReactNode }) {
  return <div className="notice notice--success">{children}</div>;
}
