/**
 * Tables keyed by the user's ids (a scenario's weights, values and partners; a moves file's
 * packages) read without the prototype chain: an id such as "constructor", "toString" or
 * "length" means only what the file says, and an absent one is absent. A leaf module, so
 * that the engine can use it too.
 */

/** What `table` holds for `key` as a key of its own, or undefined. */
export function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
