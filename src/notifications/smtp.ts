/**
 * A small SMTP client on Node's net and tls (RFC 5321): EHLO, STARTTLS when offered and asked for, AUTH PLAIN,
 * MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. Enough to hand one short plain-text message to the
 * organisation's relay; no dependency.
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS from the first byte (smtps, port 465). */
  readonly secure: boolean;
  /** Upgrade with STARTTLS when the server offers it (refuse to send in the clear if it does not). */
  readonly startTls: boolean;
  readonly user: string | null;
  readonly password: string | null;
  readonly from: string;
  /** The name this client gives in EHLO. */
  readonly clientName?: string;
  readonly timeoutMs?: number;
  /** For tests against a local server with a self-signed certificate. */
  readonly rejectUnauthorized?: boolean;
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export class SmtpError extends Error {
  override name = 'SmtpError';
  constructor(
    message: string,
    readonly code: number | null = null,
  ) {
    super(message);
  }
}

interface Reply {
  readonly code: number;
  readonly lines: readonly string[];
}

/** Reads SMTP replies (possibly multi-line, "250-…" then "250 …") from a socket. */
class Conversation {
  private buffer = '';
  private waiting: ((reply: Reply) => void) | null = null;
  private failed: ((error: Error) => void) | null = null;
  private readonly replies: Reply[] = [];
  private lines: string[] = [];
  private error: Error | null = null;

  constructor(private socket: Socket | TLSSocket) {
    this.listen(socket);
  }

  listen(socket: Socket | TLSSocket): void {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', (error: Error) => this.fail(error));
    socket.on('timeout', () => {
      this.fail(new SmtpError('SMTP server did not answer in time'));
      socket.destroy();
    });
    socket.on('close', () => this.fail(new SmtpError('SMTP connection closed')));
  }

  private fail(error: Error): void {
    this.error ??= error;
    const failed = this.failed;
    this.waiting = null;
    this.failed = null;
    failed?.(error);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let index: number;
    while ((index = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, index);
      this.buffer = this.buffer.slice(index + 2);
      this.lines.push(line.slice(4));
      if (line[3] !== '-') {
        const reply = { code: Number(line.slice(0, 3)), lines: this.lines };
        this.lines = [];
        const waiting = this.waiting;
        this.waiting = null;
        this.failed = null;
        if (waiting === null) this.replies.push(reply);
        else waiting(reply);
      }
    }
  }

  read(): Promise<Reply> {
    const queued = this.replies.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.error !== null) return Promise.reject(this.error);
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failed = reject;
    });
  }

  async command(line: string | null, expect: readonly number[]): Promise<Reply> {
    if (line !== null) this.socket.write(`${line}\r\n`);
    const reply = await this.read();
    if (!expect.includes(reply.code)) {
      const shown = line === null ? 'greeting' : line.startsWith('AUTH') ? 'AUTH' : line.split(' ')[0];
      throw new SmtpError(`SMTP ${shown ?? ''} answered ${reply.code} ${reply.lines.join(' ')}`, reply.code);
    }
    return reply;
  }

  write(data: string): void {
    this.socket.write(data);
  }

  stopListening(): Socket | TLSSocket {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('error');
    this.socket.removeAllListeners('timeout');
    this.socket.removeAllListeners('close');
    return this.socket;
  }
}

function open(settings: SmtpSettings): Promise<Socket | TLSSocket> {
  return new Promise((resolve, reject) => {
    const options = { host: settings.host, port: settings.port };
    const socket = settings.secure
      ? connectTls(
          { ...options, servername: settings.host, rejectUnauthorized: settings.rejectUnauthorized ?? true },
          () => resolve(socket),
        )
      : connectTcp(options, () => resolve(socket));
    socket.setTimeout(settings.timeoutMs ?? 15_000);
    socket.once('error', reject);
  });
}

function upgrade(socket: Socket, settings: SmtpSettings): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secured = connectTls(
      { socket, servername: settings.host, rejectUnauthorized: settings.rejectUnauthorized ?? true },
      () => resolve(secured),
    );
    secured.setTimeout(settings.timeoutMs ?? 15_000);
    secured.once('error', reject);
  });
}

/** A header value without line breaks (no header injection), non-ASCII encoded (RFC 2047). */
function headerValue(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(flat) ? flat : `=?UTF-8?B?${Buffer.from(flat, 'utf8').toString('base64')}?=`;
}

function address(value: string): string {
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(value)) throw new SmtpError('Not an e-mail address');
  return value;
}

/** The message as sent after DATA: headers, a blank line, the body with CRLF line ends and dot-stuffing. */
export function formatMessage(
  settings: Pick<SmtpSettings, 'from'>,
  message: MailMessage,
  now: Date,
  messageId: string,
): string {
  const body = message.text
    .replace(/\r?\n/g, '\r\n')
    .split('\r\n')
    .map((line) => (line.startsWith('.') ? `.${line}` : line))
    .join('\r\n');
  return [
    `From: ${address(settings.from)}`,
    `To: ${address(message.to)}`,
    `Subject: ${headerValue(message.subject)}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '.',
    '',
  ].join('\r\n');
}

export async function sendMail(
  settings: SmtpSettings,
  message: MailMessage,
  now: Date,
  messageId: string,
): Promise<void> {
  let socket = await open(settings);
  let talk = new Conversation(socket);
  const name = settings.clientName ?? 'anvisa.local';
  try {
    await talk.command(null, [220]);
    let hello = await talk.command(`EHLO ${name}`, [250]);
    if (!settings.secure && settings.startTls) {
      if (!hello.lines.some((l) => l.toUpperCase().startsWith('STARTTLS')))
        throw new SmtpError('The SMTP server does not offer STARTTLS');
      await talk.command('STARTTLS', [220]);
      socket = await upgrade(talk.stopListening(), settings);
      talk = new Conversation(socket);
      hello = await talk.command(`EHLO ${name}`, [250]);
    }
    if (settings.user !== null) {
      const token = Buffer.from(`\u0000${settings.user}\u0000${settings.password ?? ''}`, 'utf8').toString(
        'base64',
      );
      await talk.command(`AUTH PLAIN ${token}`, [235]);
    }
    await talk.command(`MAIL FROM:<${address(settings.from)}>`, [250]);
    await talk.command(`RCPT TO:<${address(message.to)}>`, [250, 251]);
    await talk.command('DATA', [354]);
    talk.write(formatMessage(settings, message, now, messageId));
    await talk.command(null, [250]);
    await talk.command('QUIT', [221]).catch(() => undefined);
  } finally {
    talk.stopListening().destroy();
  }
}
