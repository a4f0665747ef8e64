/**
 * Every page: sets the document title and renders the one h1. After the first navigation in the app, the h1 takes
 * focus when a page opens, so keyboard and screen reader users start at the new page's heading.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../language.tsx';

const firstHref = window.location.href;
let hasNavigated = false;

export function Page({
  title,
  heading,
  children,
}: {
  readonly title: string;
  readonly heading?: ReactNode;
  readonly children?: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (window.location.href !== firstHref) hasNavigated = true;
    if (hasNavigated) ref.current?.focus();
  }, []);

  return (
    <>
      <h1 ref={ref} tabIndex={-1} className="page-title">
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
