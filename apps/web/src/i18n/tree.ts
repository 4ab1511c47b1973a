type Tree = { [key: string]: string | Tree };

/** Every leaf of a translation tree as `dotted.key → value`. */
export function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree as Tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [leaf, leafValue] of flatten(value, path)) leaves.set(leaf, leafValue);
      } else {
        leaves.set(path, value);
      }
    }
  }
  return leaves;
}
