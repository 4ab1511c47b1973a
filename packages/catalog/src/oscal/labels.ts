// Display IDs and props. A node's OSCAL `label` prop gives its display ID;
// the library keeps the node's other props as read, and the label too when
// it is not alone, so that the export can put every prop back in its place.
import type { Prop } from '../types.ts';
import { propIn, propOut } from './convert.ts';
import { inNamespace, MAMORU_NS, type OscalProp } from './model.ts';

/** Index of the `label` prop that names the node: a class-less one wins over e.g. `class: "sp800-53a"`. */
function labelIndex(props: readonly { name: string; ns?: string; class?: string }[]): number {
  const isLabel = (p: { name: string; ns?: string }) =>
    p.name === 'label' && inNamespace(p.ns, undefined);
  const plain = props.findIndex((p) => isLabel(p) && p.class === undefined);
  return plain >= 0 ? plain : props.findIndex(isLabel);
}

/** A label prop that says nothing but the display ID (what the export adds for a node without props). */
const isBareLabel = (p: Prop, displayId: string): boolean =>
  Object.keys(p).length === 2 && p.name === 'label' && p.value === displayId;

/**
 * Props the export writes in Mamoru's namespace to carry the library itself
 * (original IDs, translated labels, containers); any other prop of that
 * namespace is the library's own data (e.g. `new-in-edition`) and is kept.
 */
const EXPORT_PROPS = new Set(['mamoru-id', 'oscal-parts', 'label', 'container', 'lang']);
const isExportProp = (p: OscalProp) => inNamespace(p.ns, MAMORU_NS) && EXPORT_PROPS.has(p.name);

/**
 * The display ID (`fallback` when there is no label) and the props to keep:
 * every prop but the export's own, none when the only one is a bare label.
 */
export function readProps(
  props: readonly OscalProp[] | undefined,
  fallback: string,
): { displayId: string; props?: Prop[] } {
  const plain = (props ?? []).filter((p) => !isExportProp(p)).map(propIn);
  const at = labelIndex(plain);
  const displayId = (at >= 0 ? plain[at]!.value.trim() : '') || fallback;
  if (plain.length === 0 || (plain.length === 1 && isBareLabel(plain[0]!, displayId)))
    return { displayId };
  // A bare label in front is what writeProps puts there when the node has no label
  // of its own: leave it to the export again, or the trip would add one each time.
  const rest = plain.slice(1);
  if (
    at === 0 &&
    displayId !== fallback &&
    isBareLabel(plain[0]!, displayId) &&
    labelIndex(rest) < 0
  ) {
    return { displayId, props: rest };
  }
  return { displayId, props: plain };
}

/**
 * The node's OSCAL props: its kept props with the naming label set to the
 * display ID, or a label in front when it has none and the display ID is
 * not the fallback the import would use anyway.
 */
export function writeProps(
  props: readonly Prop[] | undefined,
  displayId: string,
  fallback: string,
): OscalProp[] {
  const out = (props ?? []).map(propOut);
  const at = labelIndex(out);
  if (at >= 0) {
    if (out[at]!.value.trim() !== displayId) out[at] = { ...out[at]!, value: displayId };
  } else if (displayId !== fallback) out.unshift({ name: 'label', value: displayId });
  return out;
}
