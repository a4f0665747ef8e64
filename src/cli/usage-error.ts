/** A command line that does not fit the command's form: exit 2 with the usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
}
