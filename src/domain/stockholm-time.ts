/**
 * A date and time typed in a form (`<input type="datetime-local">`, "2026-11-23T09:00") is Swedish time, wherever the
 * browser is: it is sent as an instant with Stockholm's offset on that day ("2026-11-23T09:00:00+01:00"), and an
 * instant is shown back in a form the same way. The offset comes from `Intl`, so summer time is right on both sides of
 * a change.
 */
const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' });
const LOCAL = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "+01:00" or "+02:00": Stockholm's offset at an instant. */
function offsetAt(instant: Date): string {
  const name = OFFSET.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return match === null ? '+00:00' : `${match[1] ?? '+00'}:${match[2] ?? '00'}`;
}

const minutes = (offset: string) => {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h = 0, m = 0] = offset.slice(1).split(':').map(Number);
  return sign * (h * 60 + m);
};

/** "2026-11-23T09:00" (Swedish time) → "2026-11-23T09:00:00+01:00"; null for anything else. */
export function stockholmInstant(local: string): string | null {
  const match = LOCAL_INPUT.exec(local.trim());
  if (match === null) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(asUtc).getUTCDate() !== d || h > 23 || mi > 59) return null;
  // The offset of the instant itself: first guessed from the wall time read as UTC, then checked once more.
  let offset = offsetAt(new Date(asUtc));
  offset = offsetAt(new Date(asUtc - minutes(offset) * 60_000));
  return `${local.trim()}:00${offset}`;
}

/** An instant as the form's datetime-local value in Swedish time ("2026-11-23T09:00"). */
export function stockholmLocal(instant: Date): string {
  return LOCAL.format(instant).replace(' ', 'T');
}
