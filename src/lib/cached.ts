/**
 * The value for `key` in `cache`, made by `make` the first time it is asked for: for the facts a
 * build looks up on every page or article but that depend only on a locale, a language or a timezone.
 */
export function cached<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  if (cache.has(key)) return cache.get(key) as V;
  const value = make();
  cache.set(key, value);
  return value;
}
