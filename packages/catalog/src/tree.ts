// Read-only walks over a Library. Document order everywhere: the UI, the
// exports and the conformity rules all list things the way the standard does.
import type {
  Control,
  ControlGroup,
  Library,
  Locale,
  LocalizedText,
  RequirementNode,
} from './types.ts';

export interface FlatControl {
  readonly control: Control;
  /** IDs of the enclosing groups, outermost first (e.g. `['3', '3.1']`). */
  readonly groupIds: readonly string[];
  /** IDs of the enclosing controls when this is an enhancement, outermost first. */
  readonly parentControlIds: readonly string[];
}

export interface FlatGroup {
  readonly group: ControlGroup;
  /** IDs of the enclosing groups, outermost first. */
  readonly parentIds: readonly string[];
}

export interface FlatRequirement {
  readonly node: RequirementNode;
  /** IDs of the ancestors, outermost first. */
  readonly parentIds: readonly string[];
}

/** Every control (enhancements right after their parent) with its group chain. */
export function flattenControls(lib: Library): FlatControl[] {
  const out: FlatControl[] = [];
  const visitControls = (
    controls: readonly Control[],
    groupIds: string[],
    parents: string[],
  ): void => {
    for (const control of controls) {
      out.push({ control, groupIds, parentControlIds: parents });
      if (control.controls) visitControls(control.controls, groupIds, [...parents, control.id]);
    }
  };
  const visitGroups = (groups: readonly ControlGroup[], chain: string[]): void => {
    for (const group of groups) {
      const groupIds = [...chain, group.id];
      if (group.controls) visitControls(group.controls, groupIds, []);
      if (group.groups) visitGroups(group.groups, groupIds);
    }
  };
  visitGroups(lib.controlGroups, []);
  return out;
}

/** Every group (domains, objectives, …), parents before children. */
export function flattenGroups(lib: Library): FlatGroup[] {
  const out: FlatGroup[] = [];
  const visit = (groups: readonly ControlGroup[], parentIds: string[]): void => {
    for (const group of groups) {
      out.push({ group, parentIds });
      if (group.groups) visit(group.groups, [...parentIds, group.id]);
    }
  };
  visit(lib.controlGroups, []);
  return out;
}

/** Every requirement node, parents before children. */
export function flattenRequirements(lib: Library): FlatRequirement[] {
  const out: FlatRequirement[] = [];
  const visit = (nodes: readonly RequirementNode[], parentIds: string[]): void => {
    for (const node of nodes) {
      out.push({ node, parentIds });
      if (node.children) visit(node.children, [...parentIds, node.id]);
    }
  };
  visit(lib.requirements, []);
  return out;
}

// Index per library object; libraries are immutable, so the index never goes stale.
const controlIndex = new WeakMap<Library, Map<string, Control>>();

export function findControl(lib: Library, id: string): Control | undefined {
  let index = controlIndex.get(lib);
  if (!index) {
    index = new Map(flattenControls(lib).map((f) => [f.control.id, f.control]));
    controlIndex.set(lib, index);
  }
  return index.get(id);
}

/** The library's languages: the locales of its name, in the order written. */
export function libraryLanguages(lib: Library): Locale[] {
  return Object.keys(lib.name);
}

/** The text in `locale`, else in the first of `fallbacks` present, else in any language. */
export function pickText(
  text: LocalizedText,
  locale: Locale,
  fallbacks: readonly Locale[] = ['en', 'ja'],
): string {
  for (const l of [locale, ...fallbacks]) {
    const value = text[l];
    if (value !== undefined) return value;
  }
  return Object.values(text).find((v) => v !== undefined) ?? '';
}

/**
 * Calls `visit` with the JSON pointer of every LocalizedText in the library.
 * Used by the language check and by tests (copy check, completeness).
 */
export function forEachLocalizedText(
  lib: Library,
  visit: (pointer: string, text: LocalizedText) => void,
): void {
  const opt = (pointer: string, text: LocalizedText | undefined): void => {
    if (text) visit(pointer, text);
  };
  opt('/name', lib.name);
  opt('/publisher', lib.publisher);
  opt('/description', lib.description);
  opt('/source/note', lib.source.note);
  const requirements = (nodes: readonly RequirementNode[], base: string): void =>
    nodes.forEach((node, i) => {
      const p = `${base}/${i}`;
      visit(`${p}/title`, node.title);
      visit(`${p}/summary`, node.summary);
      if (node.children) requirements(node.children, `${p}/children`);
    });
  const controls = (list: readonly Control[], base: string): void =>
    list.forEach((control, i) => {
      const p = `${base}/${i}`;
      visit(`${p}/title`, control.title);
      opt(`${p}/summary`, control.summary);
      opt(`${p}/guidance`, control.guidance);
      control.params?.forEach((param, j) => opt(`${p}/params/${j}/label`, param.label));
      if (control.controls) controls(control.controls, `${p}/controls`);
    });
  const groups = (list: readonly ControlGroup[], base: string): void =>
    list.forEach((group, i) => {
      const p = `${base}/${i}`;
      visit(`${p}/title`, group.title);
      opt(`${p}/summary`, group.summary);
      if (group.groups) groups(group.groups, `${p}/groups`);
      if (group.controls) controls(group.controls, `${p}/controls`);
    });
  requirements(lib.requirements, '/requirements');
  groups(lib.controlGroups, '/controlGroups');
  lib.terms.forEach((term, i) => {
    visit(`/terms/${i}/term`, term.term);
    visit(`/terms/${i}/definition`, term.definition);
  });
}
