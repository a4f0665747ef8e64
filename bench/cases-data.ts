/**
 * Bulk data for `npm run bench:cases` (and `bench:load`): 100,000 children with the rows a real year of case work
 * leaves behind (responsibility periods, hand-overs, machine states, ~8 timeline events, open and closed deadlines,
 * placements, school, god men, case workers, journal entries, extra identifiers). Written with set-based SQL
 * (`generate_series`), not through the use cases — the demo data uses the use cases; a benchmark needs volume in
 * seconds. Deterministic: every value derives from the child's index.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/client.ts';

export interface BulkSummary {
  readonly children: number;
  readonly caseEvents: number;
  readonly openDeadlines: number;
  readonly seconds: number;
}

const BOYS = [
  'Mohammad',
  'Muhammed',
  'Mohamed',
  'Ahmad',
  'Ahmed',
  'Ali',
  'Hussein',
  'Husain',
  'Abdulrahman',
  'Mustafa',
  'Yonas',
  'Reza',
  'Hamid',
  'Omar',
  'محمد',
  'ሳምሶን',
];
const GIRLS = ['Fatima', 'Maryam', 'Amina', 'Zahra', 'Helen', 'Sara', 'Hodan', 'Nasrin', 'Lina'];
const SURNAMES = [
  'Ahmadi',
  'Hosseini',
  'Mohammadi',
  'Rezaei',
  'Haile',
  'Tesfay',
  'Warsame',
  'Abdi',
  'Al-Hassan',
  'Karimi',
  'Jafari',
  'Osman',
  'Noori',
  'Sultani',
  'الحسن',
  'ተስፋይ',
];
const array = (values: readonly string[]) =>
  sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`);

export async function bulkChildren(database: Database, count: number, today: string): Promise<BulkSummary> {
  const started = performance.now();
  const run = (query: ReturnType<typeof sql>) => database.db.execute(query);
  await run(sql`create table bench_children as
    with weights as (
      select municipality_code as code, sum(population) over (order by municipality_code) as cum, sum(population) over () as total
      from population where year = 2025
    )
    select i, gen_random_uuid() as id,
      (select code from weights w where w.cum >= ((i::bigint * 2654435761) % 1000003) / 1000003.0 * w.total order by w.cum limit 1) as code,
      ${today}::date - (i % 1095) - 3 as arrival,
      ${today}::date - (2920 + (i * 37) % 3600) as birth_date,
      case when i % 5 = 0 then 'female' else 'male' end as gender
    from generate_series(1, ${count}) as i`);
  await run(sql`update bench_children set code = '0180' where code is null`);
  await run(sql`create index on bench_children (i)`);
  await run(sql`analyze bench_children`);

  await run(sql`insert into children (id, dossier_number, first_name, last_name, birth_date, gender, protected_identity, whereabouts, owner_organisation_id, created_at, stated_birth_date)
    select b.id, (30000000 + b.i)::text,
      case when b.gender = 'female' then (${array(GIRLS)})[1 + (b.i * 7) % ${GIRLS.length}] else (${array(BOYS)})[1 + (b.i * 7) % ${BOYS.length}] end,
      (${array(SURNAMES)})[1 + (b.i * 13) % ${SURNAMES.length}],
      b.birth_date, b.gender, b.i % 250 = 0, 'HVB ' || (b.i % 97), o.id, b.arrival::timestamptz, b.birth_date
    from bench_children b join organisations o on o.type = 'migration_agency' and o.parent_id is not null`);
  await run(sql`insert into child_intake (child_id, name_variants, citizenship, languages, interpreter_needed, owner_organisation_id)
    select b.id, '{}', (array['Afghanistan','Syrien','Somalia','Eritrea','Marocko'])[1 + b.i % 5],
      case b.i % 5 when 0 then array['dari','pashto'] when 1 then array['arabiska'] when 2 then array['somaliska'] when 3 then array['tigrinja'] else array['arabiska','franska'] end,
      b.i % 10 <> 0, o.id
    from bench_children b join organisations o on o.type = 'migration_agency' and o.parent_id is not null`);
  // Responsibility: the arrival municipality for two days, then the assigned one.
  await run(sql`insert into responsibility_periods (child_id, municipality_code, kind, from_date, to_date, reason, end_reason, owner_organisation_id)
    select b.id, '0180', 'arrival', b.arrival, b.arrival + 2, 'arrival', 'handed_over', o.id
    from bench_children b join organisations o on o.type = 'municipality' and o.municipality_code = '0180'`);
  await run(sql`insert into responsibility_periods (child_id, municipality_code, kind, from_date, reason, owner_organisation_id)
    select b.id, b.code, 'assigned', b.arrival + 2, 'anvisning', o.id
    from bench_children b join organisations o on o.type = 'municipality' and o.municipality_code = b.code`);
  // The hand-over each anvisning leaves: from the arrival municipality to the assigned one, moved and acknowledged.
  await run(sql`insert into handovers (child_id, from_code, to_code, moved_on, acknowledged_on)
    select b.id, '0180', b.code, b.arrival + 2, b.arrival + 2 from bench_children b where b.code <> '0180'`);
  // Machine states (one row per machine and child).
  await run(sql`insert into case_states (child_id, machine, state, version, municipality_code, updated_at)
    select b.id, m.machine, m.states[1 + (b.i % array_length(m.states, 1))], 3, b.code, now()
    from bench_children b cross join (values
      ('responsibility', array['received','received','received','assigned','continued_after_18']),
      ('social_case', array['care_ongoing','care_ongoing','investigating','report_received','protection_assessed','care_decided','not_investigated','closed']),
      ('placement', array['placed','placed','placed','on_call_placed','ended']),
      ('school', array['attending','attending','enrolled','not_enrolled']),
      ('guardianship', array['god_man_appointed','god_man_appointed','god_man_requested','sfv_pending','sfv_appointed']),
      ('asylum', array['applied','interviewed','permanent_permit','temporary_permit','refused','appealed','final']),
      ('age', array['as_stated','as_stated','as_stated','in_doubt','temporary_decision','final'])
    ) as m(machine, states)`);
  // About eight events per child on the timeline.
  await run(sql`insert into case_events (child_id, machine, event, from_state, to_state, occurred_on, recorded_at, actor_role, details)
    select b.id, e.machine, e.event, e.from_state, e.to_state, b.arrival + e.day, (b.arrival + e.day)::timestamptz, e.role, '{}'::jsonb
    from bench_children b cross join (values
      ('responsibility', 'assign', 'arrival_municipality', 'assigned', 2, 'allocation_officer'),
      ('social_case', 'receive_report', 'none', 'report_received', 2, 'system'),
      ('social_case', 'assess_protection', 'report_received', 'protection_assessed', 3, 'social_worker'),
      ('responsibility', 'acknowledge_receipt', 'assigned', 'received', 3, 'social_worker'),
      ('placement', 'place', 'not_placed', 'placed', 4, 'social_worker'),
      ('guardianship', 'request_god_man', 'none', 'god_man_requested', 4, 'social_worker'),
      ('guardianship', 'appoint_god_man', 'god_man_requested', 'god_man_appointed', 7, 'guardianship_officer'),
      ('social_case', 'open_investigation', 'protection_assessed', 'investigating', 12, 'social_worker'),
      ('school', 'enrol', 'not_enrolled', 'enrolled', 20, 'social_worker'),
      ('asylum', 'interview', 'applied', 'interviewed', 40, 'asylum_officer')
    ) as e(machine, event, from_state, to_state, day, role)
    where b.arrival + e.day <= ${today}::date and (e.day < 40 or b.i % 3 = 0)`);
  // Deadlines: closed school start for most, an open review every six months, the 18-year warning, change reports.
  await run(sql`insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code, closed_at)
    select b.id, 'school-start', (b.arrival + interval '1 month')::date, b.arrival, 'social_services', b.code,
      case when b.i % 10 < 8 then (b.arrival + 20)::timestamptz end
    from bench_children b`);
  await run(sql`insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code)
    select b.id, 'care-review', (b.arrival + 4 + ((${today}::date - b.arrival) / 182 + 1) * 182), b.arrival + 4, 'social_services', b.code
    from bench_children b where b.i % 8 in (0, 1, 5)`);
  await run(sql`insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code)
    select b.id, 'turning-18-warning', (b.birth_date + interval '18 years')::date - 35, b.arrival + 2, 'social_services', b.code
    from bench_children b`);
  await run(sql`insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code)
    select b.id, 'god-man-appointment', b.arrival + 7, b.arrival + 4, 'guardianship', b.code
    from bench_children b where b.i % 5 = 2`);
  await run(sql`insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code, closed_at)
    select b.id, 'change-report', (date_trunc('month', b.arrival + 30) + interval '1 month 6 days')::date, b.arrival + 30, 'social_services', b.code,
      case when b.i % 4 <> 0 then (b.arrival + 35)::timestamptz end
    from bench_children b where b.i % 6 = 0`);
  // Social cases with an assigned worker: Sara Lind in Malmö, one bench worker per other municipality.
  await run(
    sql`insert into users (subject, display_name) select 'bench:worker:' || m.code, 'Socialsekreterare ' || m.name from municipalities m`,
  );
  await run(sql`insert into role_assignments (user_id, organisation_id, role)
    select u.id, o.id, 'social_worker' from users u join organisations o on o.type = 'municipality' and u.subject = 'bench:worker:' || o.municipality_code`);
  await run(sql`insert into social_cases (id, child_id, municipality_code, owner_organisation_id, report_received_on, protection_assessed_on, investigation_opened_on)
    select gen_random_uuid(), b.id, b.code, o.id, b.arrival + 2, b.arrival + 3, b.arrival + 12
    from bench_children b join organisations o on o.type = 'municipality' and o.municipality_code = b.code`);
  await run(sql`insert into case_workers (social_case_id, user_id, role, from_date, assigned_by)
    select sc.id, coalesce(case when sc.municipality_code = '1280' then (select id from users where subject = 'dev:sara.lind') end, w.id), 'primary', sc.report_received_on, w.id
    from social_cases sc join users w on w.subject = 'bench:worker:' || sc.municipality_code
    where sc.child_id in (select id from bench_children)`);
  // God men: 2,000 in the pool, most children with one.
  await run(
    sql`insert into users (subject, display_name) select 'bench:godman:' || g, 'God man ' || g from generate_series(1, 2000) g`,
  );
  await run(sql`insert into role_assignments (user_id, organisation_id, role)
    select u.id, o.id, 'god_man' from users u cross join organisations o where o.type = 'god_man_pool' and u.subject like 'bench:godman:%'`);
  await run(sql`insert into guardianships (child_id, guardian_user_id, kind, from_date, owner_organisation_id)
    select b.id, u.id, 'god_man', b.arrival + 7, gam.organisation_id
    from bench_children b
    join users u on u.subject = 'bench:godman:' || (1 + b.i % 2000)
    join guardianship_authority_municipalities gam on gam.municipality_code = b.code
    where b.i % 5 <> 2`);
  // Providers and placements, school, journal, extra identifiers.
  await run(sql`insert into placement_providers (municipality_code, name, form, places, target_groups, languages)
    select m.code, 'HVB ' || m.name, 'hvb', 40, array['younger'], array['arabiska','dari'] from municipalities m`);
  await run(sql`insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, decided_by)
    select b.id, b.code, p.id, 'hvb', 'SoL', b.arrival + 4, w.id
    from bench_children b join placement_providers p on p.municipality_code = b.code
    join users w on w.subject = 'bench:worker:' || b.code
    where b.i % 5 <> 4`);
  await run(sql`insert into school_enrolments (child_id, municipality_code, school, programme, enrolled_on, started_on, recorded_by)
    select b.id, b.code, 'Skola ' || (b.i % 50), 'språkintroduktion', b.arrival + 20, case when b.i % 10 < 8 then b.arrival + 20 end, w.id
    from bench_children b join users w on w.subject = 'bench:worker:' || b.code where b.i % 4 <> 3`);
  await run(sql`insert into journal_entries (child_id, owner_organisation_id, author_user_id, body, kind, occurred_on, created_at)
    select b.id, o.id, w.id, 'Samtal med barnet och god man om skola och boende.', 'note', b.arrival + k * 15, (b.arrival + k * 15)::timestamptz
    from bench_children b cross join generate_series(1, 2) k
    join organisations o on o.type = 'municipality' and o.municipality_code = b.code
    join users w on w.subject = 'bench:worker:' || b.code
    where b.arrival + k * 15 <= ${today}::date`);
  await run(
    sql`insert into child_identifiers (child_id, kind, value) select b.id, 'dossier', (80000000 + b.i)::text from bench_children b where b.i % 10 = 0`,
  );
  await run(sql`drop table bench_children`);
  await run(sql`analyze`);
  const [events] = (await database.raw.query<{ n: string }>('select count(*) as n from case_events')).rows;
  const [open] = (
    await database.raw.query<{ n: string }>('select count(*) as n from deadlines where closed_at is null')
  ).rows;
  return {
    children: count,
    caseEvents: Number(events?.n ?? 0),
    openDeadlines: Number(open?.n ?? 0),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
