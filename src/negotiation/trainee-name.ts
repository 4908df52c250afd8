/** A trainee's name as a transcript keeps it: a leaf, so that `play --name` is checked without the transcript's schema. */

/** Longer than any name or group a trainer would put on a row of the class report. */
export const TRAINEE_NAME_MAX_LENGTH = 60;

/** No control characters, no leading or trailing spaces. */
export const TRAINEE_NAME_PATTERN = /^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u;

/** Whether `name` is one the transcript's schema (TraineeName) accepts. */
export function isTraineeName(name: string): boolean {
  return name.length <= TRAINEE_NAME_MAX_LENGTH && TRAINEE_NAME_PATTERN.test(name);
}
