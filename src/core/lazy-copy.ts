/**
 * A shallow copy of `object` with `changes` applied, in which every other getter stays a getter
 * of the original. A spread (`{ ...object }`) reads each getter, and a report's `respondents` lists
 * are getters that build a survey's 100,000 entries when read; a copy that only renames an id or
 * marks a place must not build them.
 */
export function copyWith<T extends object>(object: T, changes: Partial<Record<keyof T, unknown>>): T {
  const copy = {} as T;
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(object))) {
    if (!descriptor.enumerable) continue;
    if (Object.hasOwn(changes, key)) {
      Object.defineProperty(copy, key, { value: changes[key as keyof T], enumerable: true, writable: true, configurable: true });
    } else if (descriptor.get) {
      const read = descriptor.get;
      Object.defineProperty(copy, key, { get: () => read.call(object), enumerable: true, configurable: true });
    } else Object.defineProperty(copy, key, descriptor);
  }
  return copy;
}
