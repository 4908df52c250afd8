/**
 * A mistake of the user's (a broken scenario, a missing file, a bad flag): the CLI
 * prints its message without a stack trace and exits with code 1. Anything else
 * that escapes is a bug and exits with code 2.
 */
export class UserError extends Error {
  override readonly name: string = "UserError";
}
