/**
 * The authorization matrix's hand-written cases for the prevention profile, its photo and the risk indicators (see
 * test/support/matrix.ts). The profile is the responsible social services' to keep and the god man's to read; no other
 * role sees it, not even with the emergency access the core cases open to the other scope's child (Stockholm) for the
 * social worker and the unit manager. Each write case has a Malmö child of its own, made in `setup`.
 */
import { aChild } from '../placement/fixtures.ts';
import { missingProfilePhotos } from '../../src/platform/db/schema.ts';
import { all, with_, type Fixture, type MatrixModule, type Scope } from '../support/matrix.ts';

const x = (f: Fixture, key: string): string => f.extra[key] ?? '';
const target = (key: string) => (f: Fixture, s: Scope) => (s === 'own' ? x(f, key) : f.otherChild);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

/** Roles that read a child's case but not this part of it: 404, whatever the child. */
const READ = with_(all(403), {
  allocation_officer: [404, 404],
  asylum_officer: [404, 404],
  compensation_officer: [404, 404],
  social_worker: [200, 404],
  unit_manager: [200, 404],
  guardianship_officer: [404, 404],
  god_man: [200, 404],
  health_staff: [404, 404],
  // The provider staff read the profile of a child placed with them; these children are placed elsewhere.
  provider_staff: [404, 404],
});
const WRITE = with_(all(403), { social_worker: [201, 404], unit_manager: [201, 404] });

export const missingProfileMatrix: MatrixModule = {
  setup: async (t, base) => {
    const ids: Record<string, string> = {};
    for (const [key, dossier] of [
      ['missingReader', '76500001'],
      ['missingProfile', '76500002'],
      ['missingPhoto', '76500003'],
      ['missingObservation', '76500004'],
    ] as const)
      ids[key] = await aChild(t, { dossier, godMan: 'birgitta.sjo' });
    const rows = await t.database.db
      .insert(missingProfilePhotos)
      .values(
        [ids.missingReader ?? '', base.otherChild].map((childId) => ({
          childId,
          mediaType: 'image/png',
          sizeBytes: PNG.length,
          sha256: 'matrix',
          content: PNG,
          takenOn: '2026-11-01',
          uploadedBy: base.malmoUser,
          createdAt: new Date('2026-11-01T10:00:00Z'),
        })),
      )
      .returning({ id: missingProfilePhotos.id });
    ids.missingOwnPhoto = rows[0]?.id ?? '';
    ids.missingOtherPhoto = rows[1]?.id ?? '';
    return ids;
  },
  cases: [
    {
      route: 'GET /api/children/:childId/missing-profile',
      build: (f, s) => ({
        method: 'GET',
        url: `/api/children/${target('missingReader')(f, s)}/missing-profile`,
      }),
      noSession: 401,
      expect: READ,
    },
    {
      route: 'POST /api/children/:childId/missing-profile',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('missingProfile')(f, s)}/missing-profile`,
        body: { description: { heightCm: 170 }, phones: ['070-174 06 05'] },
      }),
      noSession: 401,
      expect: WRITE,
      writes: ['missing_profiles'],
    },
    {
      route: 'POST /api/children/:childId/missing-profile/photo',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('missingPhoto')(f, s)}/missing-profile/photo`,
        body: { mediaType: 'image/png', contentBase64: PNG.toString('base64'), takenOn: '2026-11-20' },
      }),
      noSession: 401,
      expect: WRITE,
      writes: ['missing_profile_photos', 'missing_profiles'],
    },
    {
      route: 'GET /api/children/:childId/missing-profile/photos/:photoId',
      build: (f, s) => ({
        method: 'GET',
        url:
          s === 'own'
            ? `/api/children/${x(f, 'missingReader')}/missing-profile/photos/${x(f, 'missingOwnPhoto')}`
            : `/api/children/${f.otherChild}/missing-profile/photos/${x(f, 'missingOtherPhoto')}`,
      }),
      noSession: 401,
      expect: READ,
    },
    {
      route: 'POST /api/children/:childId/risk-observations',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${target('missingObservation')(f, s)}/risk-observations`,
        body: { indicator: 'often_disappears', observed: true, observedOn: '2026-11-20' },
      }),
      noSession: 401,
      expect: WRITE,
      writes: ['risk_observations'],
    },
  ],
};
