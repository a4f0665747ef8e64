/**
 * Optional e-mail: when SMTP is configured, each user with unread, not yet e-mailed notifications gets one short
 * message saying only that something waits in Anvisa — no name, no dossier number, no child id, no kind, no count.
 * The notifications are then marked `emailed_at`; a failed send is tried again on the next run.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { notifications, users } from '../platform/db/schema.ts';
import { sendMail, type MailMessage, type SmtpSettings } from './smtp.ts';

/** Notifications older than this are not mailed any more (the user has surely logged in since, or should be called). */
const MAIL_WITHIN_MS = 2 * 24 * 3_600_000;

export interface Mailer {
  send(message: MailMessage, now: Date): Promise<void>;
}

export function smtpMailer(settings: SmtpSettings): Mailer {
  const host = settings.from.split('@')[1] ?? 'anvisa.local';
  return { send: (message, now) => sendMail(settings, message, now, `${randomUUID()}@${host}`) };
}

/** The only text Anvisa ever mails. */
export function waitingMessage(to: string, publicUrl: string): MailMessage {
  return {
    to,
    subject: 'Något väntar på dig i Anvisa',
    text: [
      'Hej!',
      '',
      'Det finns något nytt som väntar på dig i Anvisa. Logga in för att se vad det gäller:',
      `${publicUrl}/notiser`,
      '',
      'Meddelandet skickas automatiskt och innehåller inga uppgifter om något barn. Svara inte på det.',
      '',
      '---',
      'Something new is waiting for you in Anvisa. Log in to see what it is.',
    ].join('\n'),
  };
}

export async function sendPendingEmails(
  db: DbOrTx,
  mailer: Mailer,
  publicUrl: string,
  now: Date,
): Promise<{ sent: number; failed: number }> {
  const rows = await db
    .select({ id: notifications.id, userId: notifications.userId, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        isNull(notifications.emailedAt),
        isNull(notifications.readAt),
        gt(notifications.createdAt, new Date(now.getTime() - MAIL_WITHIN_MS)),
        isNotNull(users.email),
        eq(users.disabled, false),
      ),
    );
  const byUser = new Map<string, { email: string; ids: string[] }>();
  for (const row of rows) {
    if (row.email === null) continue;
    const entry = byUser.get(row.userId) ?? { email: row.email, ids: [] };
    entry.ids.push(row.id);
    byUser.set(row.userId, entry);
  }
  let sent = 0;
  let failed = 0;
  for (const { email, ids } of byUser.values()) {
    try {
      await mailer.send(waitingMessage(email, publicUrl), now);
    } catch {
      failed++;
      continue;
    }
    await db.update(notifications).set({ emailedAt: now }).where(inArray(notifications.id, ids));
    sent++;
  }
  return { sent, failed };
}
