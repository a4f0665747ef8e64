/**
 * Notifications: the header's count, the list with each child as the active role may see it, marking as read; the
 * jobs that tell about deadlines about to pass and coming meetings (once per user and deadline or meeting); and the
 * e-mail through SMTP that says only that something waits — tested against a small fake SMTP server.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { aChild } from '../placement/fixtures.ts';
import { notifyComingMeetings, notifyDeadlinesSoon } from '../../src/notifications/jobs.ts';
import { sendPendingEmails, smtpMailer } from '../../src/notifications/mailer.ts';
import { notifyUsers } from '../../src/notifications/notify.ts';
import { sendMail, SmtpError } from '../../src/notifications/smtp.ts';

const TODAY = '2026-11-23';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const job = () => ({ db: t.database.db, now: t.clock.now, today: TODAY, actor: null });
async function notificationsOf(key: string, kind: string) {
  const { rows } = await t.database.raw.query<{ child_id: string | null; details: Record<string, unknown> }>(
    'select child_id, details from notifications where user_id = $1 and kind = $2',
    [await t.userId(key), kind],
  );
  return rows;
}

describe('the inbox', () => {
  it('counts the unread for any logged-in user, lists them with the child as the role sees it, and marks them read', async () => {
    const ali = await t.login('ali.hassan');
    const before = (await t.request(ali, 'GET', '/api/notifications/count')).json<{ unread: number }>()
      .unread;
    const canary = await t.childByDossier('20000100');
    const malmo = await t.childByDossier('20000112');
    await notifyUsers(
      t.database.db,
      [ali.userId],
      'incoming_child',
      canary,
      { decisionId: 'x1' },
      t.clock.now,
    );
    await notifyUsers(
      t.database.db,
      [ali.userId],
      'case_assigned',
      malmo,
      { role: 'primary', note: 'fri text som inte ska visas' },
      t.clock.now,
    );
    expect((await t.request(ali, 'GET', '/api/notifications/count')).json<{ unread: number }>().unread).toBe(
      before + 2,
    );
    const list = await t.request(ali, 'GET', '/api/notifications?unread=true');
    expect(list.statusCode).toBe(200);
    const items = list.json<{
      items: {
        id: string;
        kind: string;
        details: Record<string, unknown>;
        child: { id: string; identityMasked: boolean } | null;
      }[];
    }>().items;
    const aboutCanary = items.find((i) => i.kind === 'incoming_child');
    expect(aboutCanary?.child).toMatchObject({ id: canary, identityMasked: true });
    expect(list.body).not.toContain('Zephyrina');
    expect(list.body).not.toContain('fri text');
    const first = items[0]?.id ?? '';
    expect((await t.request(ali, 'POST', `/api/notifications/${first}/read`)).statusCode).toBe(200);
    // Someone else's notification cannot be marked.
    expect(
      (await t.request(await t.login('sara.lind'), 'POST', `/api/notifications/${first}/read`)).statusCode,
    ).toBe(404);
    expect(
      (await t.request(ali, 'POST', '/api/notifications/read-all')).json<{ marked: number }>().marked,
    ).toBeGreaterThanOrEqual(1);
    expect((await t.request(ali, 'GET', '/api/notifications/count')).json<{ unread: number }>().unread).toBe(
      0,
    );
    expect((await t.request(null, 'GET', '/api/notifications/count')).statusCode).toBe(401);
  });
});

describe('deadlines about to pass', () => {
  it('tells the assigned social worker once per deadline due within two working days; else the unit managers', async () => {
    const assigned = await aChild(t, { dossier: '66100001', assignedWorker: 'sara.lind' });
    const unassigned = await aChild(t, { dossier: '66100002' });
    const add = (childId: string, due: string) =>
      t.database.raw.query<{ id: string }>(
        `insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code) values ($1, 'school-start', $2, '2026-10-23', 'social_services', '1280') returning id`,
        [childId, due],
      );
    const soon = (await add(assigned, '2026-11-25')).rows[0]?.id;
    await add(assigned, '2026-12-10'); // not yet
    const other = (await add(unassigned, '2026-11-24')).rows[0]?.id;
    await notifyDeadlinesSoon(job());
    await notifyDeadlinesSoon(job());
    const sara = (await notificationsOf('sara.lind', 'deadline_soon')).filter((n) => n.child_id === assigned);
    expect(sara.map((n) => n.details.deadlineId)).toEqual([soon]);
    const karin = (await notificationsOf('karin.berg', 'deadline_soon')).filter(
      (n) => n.child_id === unassigned,
    );
    expect(karin.map((n) => n.details.deadlineId)).toEqual([other]);
    expect(
      (await notificationsOf('ali.hassan', 'deadline_soon')).filter((n) => n.child_id === assigned),
    ).toEqual([]);
  });

  it('tells the god man and the assigned worker once about an asylum interview within a week', async () => {
    const childId = await aChild(t, {
      dossier: '66100003',
      godMan: 'hans.gren',
      assignedWorker: 'sara.lind',
    });
    await t.database.raw.query(
      `insert into asylum_cases (child_id, applied_on, interview_dates) values ($1, '2026-09-01', array['2026-11-27', '2027-02-01']::date[])`,
      [childId],
    );
    await notifyComingMeetings(job());
    await notifyComingMeetings(job());
    for (const key of ['hans.gren', 'sara.lind']) {
      const told = (await notificationsOf(key, 'appointment')).filter((n) => n.child_id === childId);
      expect(
        told.map((n) => n.details),
        key,
      ).toEqual([{ meeting: 'asylum_interview', on: '2026-11-27', reminder: true }]);
    }
  });
});

interface Received {
  readonly commands: string[];
  readonly data: string[];
}

/** A fake SMTP server: speaks just enough SMTP (and AUTH PLAIN) to receive messages. */
function fakeSmtp(): Promise<{ server: Server; port: number; received: Received }> {
  const received: Received = { commands: [], data: [] };
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let inData = false;
    let message = '';
    socket.setEncoding('utf8');
    socket.write('220 fake.smtp ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.data.push(message);
            message = '';
            socket.write('250 2.0.0 queued\r\n');
          } else message += `${line}\n`;
          continue;
        }
        received.commands.push(line);
        const verb = line.split(' ')[0]?.toUpperCase();
        if (verb === 'EHLO') socket.write('250-fake.smtp\r\n250 AUTH PLAIN\r\n');
        else if (verb === 'AUTH')
          socket.write(
            line === `AUTH PLAIN ${Buffer.from('\u0000anvisa\u0000hemligt').toString('base64')}`
              ? '235 ok\r\n'
              : '535 no\r\n',
          );
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.write('221 bye\r\n');
          socket.end();
        } else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as { port: number }).port, received }),
    ),
  );
}

describe('e-mail through SMTP', () => {
  it('sends each user one message that says only that something waits, and marks the notifications e-mailed', async () => {
    const { server, port, received } = await fakeSmtp();
    try {
      const settings = {
        host: '127.0.0.1',
        port,
        secure: false,
        startTls: false,
        user: 'anvisa',
        password: 'hemligt',
        from: 'anvisa@kommun.example',
      };
      const childId = await t.childByDossier('20000112');
      const sara = await t.userId('sara.lind');
      await t.database.raw.query('update notifications set emailed_at = now()');
      await notifyUsers(t.database.db, [sara], 'incoming_child', childId, { decisionId: 'd1' }, t.clock.now);
      await notifyUsers(t.database.db, [sara], 'deadline_soon', childId, { deadlineId: 'd2' }, t.clock.now);
      const result = await sendPendingEmails(
        t.database.db,
        smtpMailer(settings),
        'https://anvisa.example',
        t.clock.now,
      );
      expect(result).toEqual({ sent: 1, failed: 0 });
      expect(received.data).toHaveLength(1);
      const mail = received.data[0] ?? '';
      expect(mail).toContain('To: sara.lind@example.se');
      expect(mail).toContain('https://anvisa.example/notiser');
      const [child] = (
        await t.database.raw.query<{ first_name: string; last_name: string }>(
          'select first_name, last_name from children where id = $1',
          [childId],
        )
      ).rows;
      for (const secret of [
        childId,
        '20000112',
        child?.first_name ?? '?',
        child?.last_name ?? '?',
        'incoming_child',
        'deadline',
      ])
        expect(mail).not.toContain(secret);
      expect(received.commands).toContain('MAIL FROM:<anvisa@kommun.example>');
      const { rows } = await t.database.raw.query<{ n: number | string }>(
        'select count(*) as n from notifications where emailed_at is null',
      );
      expect(Number(rows[0]?.n)).toBe(0);
      // Nothing new: nothing sent.
      expect(
        await sendPendingEmails(t.database.db, smtpMailer(settings), 'https://anvisa.example', t.clock.now),
      ).toEqual({ sent: 0, failed: 0 });
    } finally {
      server.close();
    }
  });

  it('a refused login or an unreachable server leaves the notifications for the next run', async () => {
    const { server, port } = await fakeSmtp();
    try {
      const wrong = {
        host: '127.0.0.1',
        port,
        secure: false,
        startTls: false,
        user: 'anvisa',
        password: 'fel',
        from: 'anvisa@kommun.example',
      };
      await expect(
        sendMail(wrong, { to: 'a@b.se', subject: 'x', text: 'y' }, t.clock.now, 'id@x'),
      ).rejects.toThrow(SmtpError);
      // STARTTLS required but not offered: nothing is sent in the clear.
      await expect(
        sendMail(
          { ...wrong, startTls: true },
          { to: 'a@b.se', subject: 'x', text: 'y' },
          t.clock.now,
          'id@x',
        ),
      ).rejects.toThrow(/STARTTLS/);
      await notifyUsers(
        t.database.db,
        [await t.userId('karin.berg')],
        'case_assigned',
        null,
        {},
        t.clock.now,
      );
      expect(
        await sendPendingEmails(t.database.db, smtpMailer(wrong), 'https://anvisa.example', t.clock.now),
      ).toEqual({ sent: 0, failed: 1 });
      const { rows } = await t.database.raw.query<{ n: number | string }>(
        'select count(*) as n from notifications where emailed_at is null',
      );
      expect(Number(rows[0]?.n)).toBe(1);
    } finally {
      server.close();
    }
  });
});
