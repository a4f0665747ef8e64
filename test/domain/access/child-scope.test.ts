import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aChild, aGrant, anActor } from '../../support/builders.ts';
import {
  childAccess,
  currentResponsibleMunicipality,
  identityVisible,
  journalEntryVisible,
  mayReadAccessLog,
  NO_ACCESS,
  type ChildAccess,
} from '../../../src/domain/access/child-scope.ts';
import { CASE_SECTIONS, sectionAccess } from '../../../src/domain/access/case-sections.ts';
import { mayRequestEmergencyAccess, ROLES, type Role } from '../../../src/domain/access/roles.ts';

const today = '2026-06-01';
const now = new Date('2026-06-01T10:00:00Z');
const access = (
  actor: ReturnType<ReturnType<typeof anActor>['build']>,
  facts: ReturnType<ReturnType<typeof aChild>['build']>,
  grants = [] as ReturnType<typeof aGrant>[],
): ChildAccess => childAccess(actor, facts, { today, now, emergencyGrants: grants });

const MALMO = '1280';
const SUNDSVALL = '2281';

describe('the responsible municipality', () => {
  it('is the arrival municipality until an assignment starts', () => {
    const child = aChild().arrivedIn(MALMO, '2026-05-01').build();
    expect(currentResponsibleMunicipality(child, today)).toBe(MALMO);
  });
  it('is the assigned municipality from the assignment on', () => {
    const child = aChild()
      .arrivedIn(MALMO, '2026-05-01', '2026-05-10')
      .assignedTo(SUNDSVALL, '2026-05-10')
      .build();
    expect(currentResponsibleMunicipality(child, '2026-05-09')).toBe(MALMO);
    expect(currentResponsibleMunicipality(child, '2026-05-10')).toBe(SUNDSVALL);
  });
  it('prefers an assigned period over an arrival period left open', () => {
    const child = aChild().arrivedIn(MALMO, '2026-05-01').assignedTo(SUNDSVALL, '2026-05-10').build();
    expect(currentResponsibleMunicipality(child, today)).toBe(SUNDSVALL);
  });
  it('is nobody before arrival', () => {
    expect(currentResponsibleMunicipality(aChild().arrivedIn(MALMO, '2026-07-01').build(), today)).toBeNull();
  });
});

describe('a municipality', () => {
  const child = aChild()
    .arrivedIn(MALMO, '2026-05-01', '2026-05-10')
    .assignedTo(SUNDSVALL, '2026-05-10')
    .build();

  it('sees everything of the children it is responsible for and may write', () => {
    const result = access(anActor('social_worker').in(SUNDSVALL).build(), child);
    expect(result).toMatchObject({
      view: 'full',
      basis: 'responsible_municipality',
      journal: 'all',
      mayWrite: true,
    });
  });
  it('keeps read access to its own records after its responsibility ends, not to later ones', () => {
    const result = access(anActor('social_worker').in(MALMO).build(), child);
    expect(result).toMatchObject({
      view: 'minimal',
      basis: 'former_municipality',
      journal: 'own_organisation',
      mayWrite: false,
    });
  });
  it('does not see where the child went after its responsibility ended', () => {
    expect(access(anActor('social_worker').in(MALMO).build(), child).whereabouts).toBe('hidden');
    expect(access(anActor('social_worker').in(SUNDSVALL).build(), child).whereabouts).toBe('visible');
  });
  it('a period that ended the day it began (a same-day correction) never made the municipality responsible', () => {
    const corrected = aChild()
      .arrivedIn(MALMO, '2026-05-01', '2026-06-01')
      .assignedTo(SUNDSVALL, '2026-06-01', '2026-06-01')
      .assignedTo('0180', '2026-06-01')
      .build();
    expect(access(anActor('social_worker').in(SUNDSVALL).build(), corrected).view).toBe('none');
  });
  it('sees nothing of a child it never had', () => {
    expect(access(anActor('unit_manager').in('0180').build(), child).view).toBe('none');
  });
  it('does not see a child whose arrival there lies in the future', () => {
    const later = aChild().arrivedIn(MALMO, '2026-09-01').build();
    expect(access(anActor('social_worker').in(MALMO).build(), later).view).toBe('none');
  });
});

describe('a relative’s municipality', () => {
  it('sees the minimal data of a child whose relative it is asked to assess, until it has answered', () => {
    const child = aChild().arrivedIn(MALMO, '2026-05-01').withRelativeAssessmentIn(SUNDSVALL).build();
    expect(access(anActor('social_worker').in(SUNDSVALL).build(), child)).toMatchObject({
      view: 'minimal',
      basis: 'relative_assessment',
      journal: 'none',
    });
    expect(
      access(anActor('social_worker').in(SUNDSVALL).build(), { ...child, openRelativeAssessments: [] }).view,
    ).toBe('none');
  });
});

describe('a municipality party to a transfer', () => {
  const child = aChild()
    .arrivedIn('1480', '2026-04-01', '2026-04-03')
    .assignedTo(MALMO, '2026-04-03')
    .withTransferRequestTo(SUNDSVALL)
    .build();

  it('sees the minimal data of the child it is asked to take over (or asks to), while the request is open', () => {
    const result = access(anActor('unit_manager').in(SUNDSVALL).build(), child);
    expect(result).toMatchObject({
      view: 'minimal',
      basis: 'transfer_request',
      journal: 'none',
      mayWrite: false,
      whereabouts: 'hidden',
    });
    expect(
      access(anActor('unit_manager').in(SUNDSVALL).build(), { ...child, openTransferRequests: [] }).view,
    ).toBe('none');
  });
  it('the responsible municipality keeps its full access while the request is open', () => {
    expect(access(anActor('social_worker').in(MALMO).build(), child)).toMatchObject({
      view: 'full',
      basis: 'responsible_municipality',
    });
  });
  it('other roles gain nothing from the request', () => {
    expect(access(anActor('guardianship_officer').in(SUNDSVALL).build(), child).view).toBe('none');
    expect(access(anActor('health_staff').inCounty('22').build(), child).view).toBe('none');
  });
});

describe('the municipality handing a child over after the anvisning', () => {
  it('sees the child minimally while the move is not recorded, even when the anvisning came the day the child arrived', () => {
    const sameDay = aChild()
      .arrivedIn('1480', today, today)
      .assignedTo(MALMO, today)
      .withOpenHandover('1480', MALMO)
      .build();
    expect(access(anActor('social_worker').in('1480').build(), sameDay)).toMatchObject({
      view: 'minimal',
      basis: 'former_municipality',
      mayWrite: false,
      whereabouts: 'hidden',
    });
    expect(access(anActor('social_worker').in('1480').build(), { ...sameDay, openHandovers: [] }).view).toBe(
      'none',
    );
  });
  it('loses that view when the hand-over no longer leads to the responsible municipality', () => {
    const moved = aChild()
      .arrivedIn('1480', today, today)
      .assignedTo(MALMO, today)
      .withOpenHandover('1480', SUNDSVALL)
      .build();
    expect(access(anActor('social_worker').in('1480').build(), moved).view).toBe('none');
  });
});

describe('other roles', () => {
  const child = aChild().arrivedIn(MALMO, '2026-05-01').withGodMan('gm-1').build();

  it('a god man sees only their wards’ basic data', () => {
    expect(access(anActor('god_man').withUserId('gm-1').build(), child)).toMatchObject({
      view: 'basic',
      journal: 'none',
    });
    expect(access(anActor('god_man').withUserId('gm-2').build(), child).view).toBe('none');
  });
  it('a god man whose appointment ended no longer sees the child', () => {
    const ended = aChild()
      .arrivedIn(MALMO, '2026-01-01')
      .withGodMan('gm-1', '2026-01-02', '2026-05-01')
      .build();
    expect(access(anActor('god_man').withUserId('gm-1').build(), ended).view).toBe('none');
  });
  it('region staff see the minimal data of children whose responsible municipality lies in their region', () => {
    expect(access(anActor('health_staff').inCounty('12').build(), child).view).toBe('minimal');
    expect(access(anActor('health_staff').inCounty('22').build(), child).view).toBe('none');
  });
  it('a guardianship authority sees children of the municipalities it serves', () => {
    expect(access(anActor('guardianship_officer').in('2281', MALMO).build(), child).view).toBe('basic');
    expect(access(anActor('guardianship_officer').in('2281').build(), child).view).toBe('none');
  });
  it('the Migration Agency sees what its roles need', () => {
    expect(access(anActor('allocation_officer').build(), child).view).toBe('basic');
    expect(access(anActor('asylum_officer').build(), child).view).toBe('basic');
    expect(access(anActor('compensation_officer').build(), child).view).toBe('minimal');
  });
  it.each(['police_officer', 'county_coordinator', 'data_protection_officer', 'administrator'] as const)(
    '%s sees no child',
    (role) => {
      expect(access(anActor(role).in(MALMO).inCounty('12').build(), child).view).toBe('none');
    },
  );
});

describe('protected identity', () => {
  const child = aChild()
    .arrivedIn(MALMO, '2026-05-01')
    .withGodMan('gm-1')
    .handledBy('mv-1')
    .withProtectedIdentity()
    .build();

  it('is shown to users of the responsible municipality with the explicit permission', () => {
    expect(identityVisible(anActor('social_worker').in(MALMO).cleared().build(), child, today)).toBe(true);
    expect(identityVisible(anActor('social_worker').in(MALMO).build(), child, today)).toBe(false);
  });
  it('is shown to the child’s own god man and special custodian', () => {
    expect(identityVisible(anActor('god_man').withUserId('gm-1').build(), child, today)).toBe(true);
    const withSfv = aChild().arrivedIn(MALMO).withSpecialCustodian('sfv-1').withProtectedIdentity().build();
    expect(identityVisible(anActor('god_man').withUserId('sfv-1').build(), withSfv, today)).toBe(true);
  });
  it('is shown to the Migration Agency officers handling the case, not to their colleagues', () => {
    expect(identityVisible(anActor('asylum_officer').withUserId('mv-1').build(), child, today)).toBe(true);
    expect(access(anActor('asylum_officer').withUserId('mv-2').build(), child).identity).toBe('masked');
  });
  it('is masked for region staff, guardianship officers and cleared users of a former municipality', () => {
    expect(access(anActor('health_staff').inCounty('12').build(), child).identity).toBe('masked');
    expect(access(anActor('guardianship_officer').in(MALMO).build(), child).identity).toBe('masked');
    const moved = aChild()
      .arrivedIn(MALMO, '2026-01-01', '2026-02-01')
      .assignedTo(SUNDSVALL, '2026-02-01')
      .withProtectedIdentity()
      .build();
    expect(access(anActor('social_worker').in(MALMO).cleared().build(), moved).identity).toBe('masked');
  });
  it('hides whereabouts wherever the identity is masked', () => {
    expect(access(anActor('allocation_officer').withUserId('mv-2').build(), child)).toMatchObject({
      identity: 'masked',
      whereabouts: 'hidden',
    });
    expect(access(anActor('asylum_officer').withUserId('mv-1').build(), child)).toMatchObject({
      identity: 'visible',
      whereabouts: 'visible',
    });
  });
  it('is never visible through emergency access', () => {
    const actor = anActor('social_worker').in(SUNDSVALL).cleared().build();
    const result = access(actor, child, [aGrant(actor, child.childId, new Date('2026-06-02T00:00:00Z'))]);
    expect(result).toMatchObject({ view: 'full', basis: 'emergency', identity: 'masked', mayWrite: false });
  });
});

describe('emergency access', () => {
  const child = aChild().arrivedIn(MALMO, '2026-05-01').build();
  const outsider = anActor('social_worker').in(SUNDSVALL).build();

  it('opens a read-only view until it expires', () => {
    expect(
      access(outsider, child, [aGrant(outsider, child.childId, new Date('2026-06-01T10:00:01Z'))]).view,
    ).toBe('full');
    expect(
      access(outsider, child, [aGrant(outsider, child.childId, new Date('2026-06-01T10:00:00Z'))]).view,
    ).toBe('none');
  });
  it('belongs to the user, the organisation and the role that asked for it', () => {
    const grant = aGrant(outsider, child.childId, new Date('2026-06-02T00:00:00Z'));
    const sameUserOtherRole = { ...outsider, role: 'unit_manager' as const };
    expect(access(sameUserOtherRole, child, [grant]).view).toBe('none');
    expect(access({ ...outsider, organisationId: 'other' }, child, [grant]).view).toBe('none');
  });
  it('is for social workers, unit managers, Migration Agency officers and health staff only', () => {
    const allowed = ROLES.filter(mayRequestEmergencyAccess);
    expect(allowed.sort()).toEqual(
      (
        [
          'allocation_officer',
          'asylum_officer',
          'compensation_officer',
          'health_staff',
          'social_worker',
          'unit_manager',
        ] as Role[]
      ).sort(),
    );
  });
  it('gives nothing to roles that may not use it, even with a grant row', () => {
    for (const role of ['god_man', 'police_officer', 'county_coordinator', 'administrator'] as const) {
      const actor = anActor(role).build();
      expect(
        access(actor, child, [aGrant(actor, child.childId, new Date('2026-06-02T00:00:00Z'))]).view,
      ).toBe('none');
    }
  });
});

describe('journal entries', () => {
  it('a former municipality reads only the entries its own organisation wrote', () => {
    const actor = anActor('social_worker').in(MALMO).ofOrganisation('municipality', 'org-malmo').build();
    const child = aChild()
      .arrivedIn(MALMO, '2026-01-01', '2026-02-01')
      .assignedTo(SUNDSVALL, '2026-02-01')
      .build();
    const result = access(actor, child);
    expect(journalEntryVisible(result, actor, 'org-malmo')).toBe(true);
    expect(journalEntryVisible(result, actor, 'org-sundsvall')).toBe(false);
  });
});

describe('a placement provider’s staff', () => {
  const HVB = 'provider-hvb';
  const staff = anActor('provider_staff').atProvider(HVB).build();
  const placed = (from: string, to: string | null = null, provider = HVB) =>
    aChild().assignedTo(MALMO, '2026-01-05').placedWith(provider, from, to).build();

  it('sees the minimal data of a child placed with its provider now, and may not write', () => {
    expect(access(staff, placed('2026-05-01'))).toEqual({
      view: 'minimal',
      basis: 'placement_provider',
      identity: 'visible',
      whereabouts: 'visible',
      journal: 'none',
      mayWrite: false,
    });
    // From the day the placement begins.
    expect(access(staff, placed(today)).view).toBe('minimal');
  });
  it('sees no child whose placement there has ended — from the day it ended — or not yet begun', () => {
    expect(access(staff, placed('2026-03-01', today))).toEqual(NO_ACCESS);
    expect(access(staff, placed('2026-03-01', '2026-04-01'))).toEqual(NO_ACCESS);
    expect(access(staff, placed('2026-06-02'))).toEqual(NO_ACCESS);
    // A placement that ends tomorrow still counts today.
    expect(access(staff, placed('2026-03-01', '2026-06-02')).view).toBe('minimal');
  });
  it('sees no child placed with another provider, nor one never placed', () => {
    expect(access(staff, placed('2026-05-01', null, 'provider-other'))).toEqual(NO_ACCESS);
    expect(access(staff, aChild().assignedTo(MALMO, '2026-01-05').build())).toEqual(NO_ACCESS);
    // The child moved on: the new provider sees it, the old one no longer.
    const moved = aChild()
      .assignedTo(MALMO, '2026-01-05')
      .placedWith(HVB, '2026-02-01', '2026-05-20')
      .placedWith('provider-other', '2026-05-20')
      .build();
    expect(access(staff, moved)).toEqual(NO_ACCESS);
    expect(access(anActor('provider_staff').atProvider('provider-other').build(), moved).view).toBe(
      'minimal',
    );
  });
  it('needs the staff role: a provider relation opens nothing for others, nor a staff member of no provider', () => {
    const child = placed('2026-05-01');
    expect(access(anActor('provider_staff').build(), child)).toEqual(NO_ACCESS);
    expect(access({ ...anActor('police_officer').build(), providerId: HVB }, child)).toEqual(NO_ACCESS);
  });
  it('never sees a protected identity, nor where the child lives then', () => {
    const child = aChild()
      .assignedTo(MALMO, '2026-01-05')
      .placedWith(HVB, '2026-05-01')
      .withProtectedIdentity()
      .build();
    expect(access({ ...staff, protectedIdentityClearance: true }, child)).toMatchObject({
      view: 'minimal',
      identity: 'masked',
      whereabouts: 'hidden',
    });
  });
  it('opens no part of the case but the missing-child routine: the report and the return, and the profile to read', () => {
    const result = access(staff, placed('2026-05-01'));
    const open: Partial<Record<string, string>> = { missing: 'write', missing_profile: 'read' };
    for (const section of CASE_SECTIONS)
      expect(sectionAccess(staff, result, section, { assignedWorker: true }), section).toBe(
        open[section] ?? 'none',
      );
  });
});

describe('who has seen this child', () => {
  const child = aChild().arrivedIn(MALMO, '2026-05-01').build();
  it('is for the unit managers and data-protection officers of the responsible municipality', () => {
    expect(mayReadAccessLog(anActor('data_protection_officer').in(MALMO).build(), child, today)).toBe(true);
    expect(mayReadAccessLog(anActor('unit_manager').in(MALMO).build(), child, today)).toBe(true);
    expect(mayReadAccessLog(anActor('social_worker').in(MALMO).build(), child, today)).toBe(false);
    expect(mayReadAccessLog(anActor('data_protection_officer').in(SUNDSVALL).build(), child, today)).toBe(
      false,
    );
  });
});

describe('properties of the scope rule', () => {
  const codes = fc.constantFrom('1280', '2281', '0180', '1480');
  const date = fc
    .integer({ min: 0, max: 365 })
    .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
  const period = fc
    .tuple(codes, fc.constantFrom('arrival' as const, 'assigned' as const), date, fc.option(date))
    .map(([code, kind, a, b]) => ({
      municipalityCode: code,
      kind,
      from: b !== null && b < a ? b : a,
      to: b !== null && b !== a ? (b < a ? a : b) : null,
    }));
  const facts = fc.record({
    childId: fc.constant('c-1'),
    protectedIdentity: fc.boolean(),
    responsibility: fc.array(period, { maxLength: 3 }),
    guardians: fc.constant([]),
    caseOfficerUserIds: fc.constant([]),
    openRelativeAssessments: fc.constant([]),
    openTransferRequests: fc.array(codes, { maxLength: 1 }),
    openHandovers: fc.constant([]),
    placements: fc.array(
      fc.tuple(fc.constantFrom('p-1', 'p-2'), date, fc.option(date)).map(([providerId, a, b]) => ({
        providerId,
        from: b !== null && b < a ? b : a,
        to: b === null ? null : b < a ? a : b,
      })),
      { maxLength: 2 },
    ),
  });
  const role = fc.constantFrom(...ROLES);

  it('never lets a role without relation write, and masks protected identities for the uncleared', () => {
    fc.assert(
      fc.property(facts, role, codes, fc.boolean(), date, (f, r, code, cleared, day) => {
        const actor = {
          ...anActor(r).in(code).build(),
          protectedIdentityClearance: cleared,
          providerId: 'p-1',
        };
        const result = childAccess(actor, f, { today: day, now, emergencyGrants: [] });
        if (result.mayWrite) expect(currentResponsibleMunicipality(f, day)).toBe(code);
        // A placement opens a child to the provider's staff only, only while it lasts, and only its minimal data.
        if (r === 'provider_staff') {
          const placedNow = f.placements.some(
            (p) => p.providerId === 'p-1' && p.from <= day && (p.to === null || day < p.to),
          );
          expect(result.view).toBe(placedNow ? 'minimal' : 'none');
          expect(result.mayWrite).toBe(false);
        }
        if (f.protectedIdentity && !cleared && r !== 'god_man' && result.view !== 'none')
          expect(result.identity).toBe('masked');
        if (result.view === 'none') expect(result.journal).toBe('none');
      }),
    );
  });
});
