// Checks the JSON Schema cannot express. Runs only on schema-valid input.
import type { ValidationIssue } from './errors.ts';
import { forEachLocalizedText } from './tree.ts';
import type { Control, ControlGroup, Library, RequirementNode } from './types.ts';

/**
 * Unique-ID bookkeeping for one namespace. Requirements, controls (groups and
 * controls together: a group and a control are both addressable catalog
 * nodes), params and terms are separate namespaces: the standard numbers
 * clause 4.1 and objective 4.1 independently.
 */
class Namespace {
  private readonly seen = new Map<string, string>();
  constructor(
    private readonly what: string,
    private readonly issues: ValidationIssue[],
  ) {}

  add(id: string, pointer: string): void {
    const first = this.seen.get(id);
    if (first === undefined) this.seen.set(id, pointer);
    else
      this.issues.push({
        path: pointer,
        message: `duplicate ${this.what} ID "${id}" (first at ${first})`,
      });
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }
}

export function checkLibrary(lib: Library): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const requirementIds = new Namespace('requirement', issues);
  const controlIds = new Namespace('control or group', issues);
  const paramIds = new Namespace('parameter', issues);
  const termIds = new Namespace('term', issues);

  const requirements = (nodes: readonly RequirementNode[], base: string): void =>
    nodes.forEach((node, i) => {
      requirementIds.add(node.id, `${base}/${i}/id`);
      if (node.children) requirements(node.children, `${base}/${i}/children`);
    });
  const controls = (list: readonly Control[], base: string): void =>
    list.forEach((control, i) => {
      const p = `${base}/${i}`;
      controlIds.add(control.id, `${p}/id`);
      // Param IDs are library-wide because OSCAL requires them unique per document.
      control.params?.forEach((param, j) => paramIds.add(param.id, `${p}/params/${j}/id`));
      if (control.controls) controls(control.controls, `${p}/controls`);
    });
  const groups = (list: readonly ControlGroup[], base: string): void =>
    list.forEach((group, i) => {
      const p = `${base}/${i}`;
      controlIds.add(group.id, `${p}/id`);
      group.params?.forEach((param, j) => paramIds.add(param.id, `${p}/params/${j}/id`));
      if (group.groups) groups(group.groups, `${p}/groups`);
      if (group.controls) controls(group.controls, `${p}/controls`);
    });
  requirements(lib.requirements, '/requirements');
  lib.params?.forEach((param, j) => paramIds.add(param.id, `/params/${j}/id`));
  groups(lib.controlGroups, '/controlGroups');
  lib.terms.forEach((term, i) => termIds.add(term.id, `/terms/${i}/id`));

  // A library promises its languages through its name: a bilingual library
  // must be bilingual everywhere, a single-language import only in that language.
  const languages = Object.keys(lib.name);
  forEachLocalizedText(lib, (pointer, text) => {
    for (const locale of languages) {
      if (text[locale] === undefined) {
        issues.push({
          path: pointer,
          message: `must have required property '${locale}' (a language of the library's name)`,
        });
      }
    }
  });

  lib.mappings?.forEach((mapping, i) =>
    mapping.relations.forEach((relation, j) => {
      if (!controlIds.has(relation.source) && !requirementIds.has(relation.source)) {
        issues.push({
          path: `/mappings/${i}/relations/${j}/source`,
          message: `"${relation.source}" is not a control, group or requirement ID of this library`,
        });
      }
    }),
  );
  return issues;
}
