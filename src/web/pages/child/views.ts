/**
 * The views of the child's page, one at a time, chosen in the "På sidan" navigation and kept in the URL (`?del=`), so
 * a link or the back button opens the same part. Each view is offered only when the active role may read its part
 * (`child.sections`, from the server); only the chosen view is rendered, so only its data is fetched.
 */
import type { CaseSection } from '../../../domain/access/case-sections.ts';
import type { ChildDetail } from '../../api/types.ts';
import type { MessageKey } from '../../i18n.ts';

export const CHILD_VIEWS = [
  'att-gora',
  'ratta',
  'ansvar',
  'arende',
  'placering',
  'skola',
  'halsa',
  'god-man',
  'asyl',
  'avvikande',
  'forebyggande',
  'personakt',
  'tidslinje',
] as const;
export type ChildView = (typeof CHILD_VIEWS)[number];
export const FIRST_VIEW: ChildView = 'att-gora';

export interface ViewDef {
  readonly view: ChildView;
  readonly label: MessageKey;
  /** The machine whose state the navigation shows beside the label. */
  readonly machine?: string;
}

const DEFS: readonly ViewDef[] = [
  { view: 'att-gora', label: 'child.nav.todo' },
  { view: 'ansvar', label: 'responsibility.title', machine: 'responsibility' },
  { view: 'arende', label: 'casework.title', machine: 'social_case' },
  { view: 'placering', label: 'placement.title', machine: 'placement' },
  { view: 'skola', label: 'school.title', machine: 'school' },
  { view: 'halsa', label: 'health.title', machine: 'health' },
  { view: 'god-man', label: 'guardianship.title', machine: 'guardianship' },
  { view: 'asyl', label: 'asylum.section.title', machine: 'asylum' },
  { view: 'avvikande', label: 'missing.title' },
  { view: 'forebyggande', label: 'profile.title' },
  { view: 'personakt', label: 'personakt.title' },
  { view: 'tidslinje', label: 'worklist.timeline.title' },
  { view: 'ratta', label: 'child.nav.record' },
];

/** The views the active role may open for the child, in the navigation's order. */
export function availableViews(child: Pick<ChildDetail, 'sections'>, mayEdit: boolean): ViewDef[] {
  const s = child.sections;
  const readable: Readonly<Record<ChildView, boolean>> = {
    'att-gora': true,
    ratta: mayEdit,
    ansvar: s.responsibility !== 'none',
    arende: s.social_case !== 'none',
    placering: s.placement !== 'none',
    skola: s.school !== 'none',
    halsa: s.health !== 'none',
    'god-man': s.guardianship !== 'none',
    asyl: s.asylum !== 'none' || s.age !== 'none',
    avvikande: s.missing !== 'none',
    forebyggande: s.missing_profile !== 'none',
    personakt: s.personakt !== 'none',
    tidslinje: s.timeline !== 'none',
  };
  return DEFS.filter((d) => readable[d.view]);
}

/** The view where a deadline of the section is acted on, if the page has one. */
export function viewOfSection(section: CaseSection): ChildView | null {
  switch (section) {
    case 'responsibility':
      return 'ansvar';
    case 'social_case':
      return 'arende';
    case 'placement':
      return 'placering';
    case 'school':
      return 'skola';
    case 'health':
      return 'halsa';
    case 'guardianship':
      return 'god-man';
    case 'asylum':
    case 'age':
      return 'asyl';
    case 'personakt':
      return 'personakt';
    case 'timeline':
      return 'tidslinje';
    case 'missing':
      return 'avvikande';
    case 'appointments':
    case 'best_interests':
      return null;
    case 'missing_profile':
      return 'forebyggande';
  }
}

/** The view named in the URL, when the role may open it; otherwise the first view. */
export function chosenView(requested: string | undefined, available: readonly ViewDef[]): ChildView {
  return available.find((d) => d.view === requested)?.view ?? FIRST_VIEW;
}
