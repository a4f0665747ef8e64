/** Loading and failure messages for data that arrives asynchronously; announced politely to screen readers. */
import { useEffect, useRef, type ReactNode } from 'react';
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

/** What an action did, said in words; a new object each time the action is done, so that it is said again. */
export interface Confirmed {
  readonly text: string;
  /** Take focus: the control the user acted with went away (or was disabled while sending) with its form. */
  readonly focus: boolean;
}

/** Each confirmation is a new element: the same words again (the next line decided) are announced again. */
const keys = new WeakMap<Confirmed, number>();
let lastKey = 0;
function keyOf(confirmed: Confirmed): number {
  const known = keys.get(confirmed);
  if (known !== undefined) return known;
  lastKey += 1;
  keys.set(confirmed, lastKey);
  return lastKey;
}

/**
 * The confirmation of what the user just did, in a polite live region that is always in the page (so that it is
 * announced where focus goes elsewhere). Given `focus`, the message takes focus each time it is confirmed anew:
 * otherwise focus falls to the page's body when the button pressed is disabled or re-rendered away.
 */
export function Confirmation({ confirmed }: { readonly confirmed: Confirmed | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirmed?.focus === true) ref.current?.focus();
  }, [confirmed]);
  return (
    <div role="status">
      {confirmed !== null && (
        <div className="notice notice--success" ref={ref} tabIndex={-1} key={keyOf(confirmed)}>
          {confirmed.text}
        </div>
      )}
    </div>
  );
}
