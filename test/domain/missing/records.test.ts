/** What each step of a missing episode records, and the field and reason of what is wrong with it as entered. */
import { describe, expect, it } from 'vitest';
import {
  absenceProblems,
  CONCRETE_FACTS_MIN_LENGTH,
  foundProblems,
  lvuAssessmentProblems,
  policeReportAtProblems,
  returnTalkProblems,
  strategyMeetingProblems,
  type FoundRecord,
  type ReturnTalk,
  type StrategyMeeting,
} from '../../../src/domain/missing/records.ts';

const NOW = new Date('2026-11-23T12:00:00+01:00');
const LAST_SEEN = new Date('2026-11-22T18:00:00+01:00');
const FACTS = 'Barnet har setts i sällskap med okända vuxna vid centralstationen tre kvällar i rad.';
const reasons = (problems: readonly { field: string; reason: string }[]) =>
  problems.map((p) => `${p.field}:${p.reason}`);

describe('the LVU assessment (D4, JO 7730-2016)', () => {
  it('names its grounds unless there are none, and the concrete circumstances always', () => {
    expect(
      lvuAssessmentProblems({
        outcome: 'application',
        grounds: ['criminal_activity_3'],
        concreteFacts: FACTS,
        decisionReference: null,
      }),
    ).toEqual([]);
    expect(
      reasons(
        lvuAssessmentProblems({
          outcome: 'immediate_custody',
          grounds: [],
          concreteFacts: 'Kan bli gatubarn.',
          decisionReference: ' ',
        }),
      ),
    ).toEqual([
      'grounds:ground_required',
      'concreteFacts:concrete_facts_required',
      'decisionReference:required',
    ]);
    expect(
      reasons(
        lvuAssessmentProblems({
          outcome: 'no_grounds',
          grounds: ['home_environment_2'],
          concreteFacts: 'x'.repeat(CONCRETE_FACTS_MIN_LENGTH),
          decisionReference: null,
        }),
      ),
    ).toEqual(['grounds:ground_not_with_outcome']);
  });
});

describe('the absence and the police report (D1–D2)', () => {
  it('an absence is seen in the past, somewhere', () => {
    expect(
      absenceProblems({ kind: 'missing', lastSeenAt: LAST_SEEN, lastSeenPlace: 'Boendet' }, NOW),
    ).toEqual([]);
    expect(
      reasons(
        absenceProblems(
          {
            kind: 'away_without_permission',
            lastSeenAt: new Date('2026-11-24T00:00:00Z'),
            lastSeenPlace: '',
          },
          NOW,
        ),
      ),
    ).toEqual(['lastSeenAt:in_the_future', 'lastSeenPlace:required']);
  });

  it('the police report has a reference and lies between the child last seen and now', () => {
    const at = (iso: string) =>
      policeReportAtProblems({ reference: 'P-1', reportedAt: new Date(iso) }, LAST_SEEN, NOW);
    expect(at('2026-11-22T19:00:00+01:00')).toEqual([]);
    expect(reasons(at('2026-11-22T17:00:00+01:00'))).toEqual(['policeReportedAt:before_last_seen']);
    expect(reasons(at('2026-11-23T13:00:00+01:00'))).toEqual(['policeReportedAt:in_the_future']);
    expect(
      reasons(policeReportAtProblems({ reference: '  ', reportedAt: LAST_SEEN }, LAST_SEEN, NOW)),
    ).toEqual(['policeReference:required']);
  });
});

describe('found (D10)', () => {
  const found: FoundRecord = {
    foundAt: new Date('2026-11-23T09:00:00+01:00'),
    place: 'Lund C',
    foundBy: 'Polisen',
    condition: 'unharmed',
    crimeSuspected: false,
    crimeReportReference: null,
    harm: null,
  };
  it('where, by whom, after the child was last seen; a suspected crime its report, harm described', () => {
    expect(foundProblems(found, LAST_SEEN, NOW)).toEqual([]);
    expect(
      reasons(
        foundProblems(
          {
            ...found,
            foundAt: new Date('2026-11-22T10:00:00+01:00'),
            place: '',
            foundBy: ' ',
            crimeSuspected: true,
          },
          LAST_SEEN,
          NOW,
        ),
      ),
    ).toEqual([
      'foundAt:before_last_seen',
      'place:required',
      'foundBy:required',
      'crimeReportReference:required',
    ]);
    expect(
      reasons(
        foundProblems({ ...found, condition: 'harmed', foundAt: new Date('2026-12-01') }, LAST_SEEN, NOW),
      ),
    ).toEqual(['foundAt:in_the_future', 'harm:required']);
  });
});

describe('the return talk (D11)', () => {
  const FOUND = new Date('2026-11-23T09:00:00+01:00');
  const held: ReturnTalk = {
    outcome: 'held',
    at: new Date('2026-11-23T11:00:00+01:00'),
    participants: ['Sara Lind'],
    childsAccount: 'Var hos en vän.',
    childsViews: 'Vill bo kvar.',
    actions: 'Kontaktperson.',
    notHeldReason: null,
  };
  it('a held talk: participants, the child’s account and views, the actions', () => {
    expect(returnTalkProblems(held, FOUND, NOW)).toEqual([]);
    expect(
      reasons(
        returnTalkProblems(
          { ...held, participants: [' '], childsAccount: null, childsViews: '', actions: null },
          FOUND,
          NOW,
        ),
      ),
    ).toEqual([
      'participants:required',
      'childsAccount:required',
      'childsViews:required',
      'actions:required',
    ]);
  });
  it('a decision not to hold it says why; declined needs nothing more; never before found nor in the future', () => {
    const none = { ...held, participants: [], childsAccount: null, childsViews: null, actions: null };
    expect(reasons(returnTalkProblems({ ...none, outcome: 'not_held' }, FOUND, NOW))).toEqual([
      'notHeldReason:required',
    ]);
    expect(returnTalkProblems({ ...none, outcome: 'declined' }, FOUND, NOW)).toEqual([]);
    expect(
      reasons(
        returnTalkProblems(
          { ...none, outcome: 'declined', at: new Date('2026-11-23T08:00:00+01:00') },
          FOUND,
          NOW,
        ),
      ),
    ).toEqual(['at:before_found']);
    expect(
      reasons(
        returnTalkProblems(
          { ...none, outcome: 'declined', at: new Date('2026-11-24T08:00:00+01:00') },
          FOUND,
          NOW,
        ),
      ),
    ).toEqual(['at:in_the_future']);
  });
});

describe('the strategy meeting (D13)', () => {
  const meeting: StrategyMeeting = {
    heldOn: '2026-11-20',
    participants: ['Sara Lind', 'Polisen region Syd'],
    decisions: 'Genomförandeplanen ses över; kontaktperson på boendet.',
    carePlanReviewed: true,
  };
  it('held on a real day between the search that called it and today, with participants and decisions', () => {
    expect(strategyMeetingProblems(meeting, '2026-11-15', '2026-11-23')).toEqual([]);
    expect(strategyMeetingProblems({ ...meeting, heldOn: '2026-11-15' }, '2026-11-15', '2026-11-15')).toEqual(
      [],
    );
    expect(reasons(strategyMeetingProblems(meeting, '2026-11-21', '2026-11-23'))).toEqual([
      'heldOn:before_search',
    ]);
    expect(reasons(strategyMeetingProblems(meeting, '2026-11-15', '2026-11-19'))).toEqual([
      'heldOn:in_the_future',
    ]);
    expect(
      reasons(
        strategyMeetingProblems(
          { ...meeting, heldOn: '2026-02-30', participants: ['', ' '], decisions: '  ' },
          '2026-11-15',
          '2026-11-23',
        ),
      ),
    ).toEqual(['heldOn:required', 'participants:required', 'decisions:required']);
  });
});
