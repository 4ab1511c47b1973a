// The risk starter catalog: threats and vulnerabilities, grouped as ISO/IEC
// 27005 groups them, that an organization copies into its own register to
// start a risk assessment (asset value × threat × vulnerability). Loaded like
// the libraries: JSON Schema (ajv, draft 2020-12), then the cross-checks the
// schema cannot express, then deep-frozen and cached.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { LibraryValidationError, type ValidationIssue } from './errors.ts';
import { shippedLibraries } from './load.ts';
import { flattenControls } from './tree.ts';
import type { Library, LocalizedText } from './types.ts';

const SCHEMA_URL = new URL('../schema/risk-starter.schema.json', import.meta.url);
const DATA_URL = new URL('../data/risk-starter.json', import.meta.url);

/** Absolute path of the risk starter JSON Schema. */
export const riskStarterSchemaPath = fileURLToPath(SCHEMA_URL);
/** Absolute path of the shipped risk starter catalog. */
export const riskStarterDataPath = fileURLToPath(DATA_URL);

// TypeScript mirror of schema/risk-starter.schema.json, as the loader returns it.

/** The threat groups of ISO/IEC 27005, in its order. */
export const THREAT_GROUP_IDS = [
  'physical_damage',
  'natural_events',
  'loss_of_services',
  'radiation',
  'compromise_of_information',
  'technical_failures',
  'unauthorized_actions',
  'compromise_of_functions',
] as const;
export type ThreatGroupId = (typeof THREAT_GROUP_IDS)[number];

/** The asset types ISO/IEC 27005 sorts vulnerabilities by, in its order. */
export const VULNERABILITY_GROUP_IDS = [
  'hardware',
  'software',
  'network',
  'personnel',
  'site',
  'organization',
] as const;
export type VulnerabilityGroupId = (typeof VULNERABILITY_GROUP_IDS)[number];

/** The same names as the risk method's `Property` in @mamoru/domain. */
export type SecurityProperty = 'confidentiality' | 'integrity' | 'availability';
export type AssetCategory =
  'information' | 'software' | 'physical' | 'service' | 'people' | 'intangible';
export type ThreatOrigin = 'deliberate' | 'accidental' | 'environmental';
/** 1 (low) to 3 (high). */
export type StarterLevel = 1 | 2 | 3;

export interface StarterGroup<Id extends string> {
  readonly id: Id;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
}

export interface StarterThreat {
  /** `T01`, `T02`, … */
  readonly id: string;
  readonly group: ThreatGroupId;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  /** Always a list here; the file may give a single origin. */
  readonly origin: readonly ThreatOrigin[];
  readonly affects: readonly SecurityProperty[];
  readonly assetCategories: readonly AssetCategory[];
  readonly defaultLikelihood: StarterLevel;
  /** Control IDs of the catalog's `controlLibrary`, e.g. `10.3.1`. */
  readonly relatedControls: readonly string[];
}

export interface StarterVulnerability {
  /** `V01`, `V02`, … */
  readonly id: string;
  readonly group: VulnerabilityGroupId;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly assetCategories: readonly AssetCategory[];
  readonly defaultLevel: StarterLevel;
  /** IDs of threats of the same catalog. */
  readonly exploitedBy: readonly string[];
  readonly relatedControls: readonly string[];
}

export interface RiskStarterCatalog {
  readonly $schema?: string;
  readonly formatVersion: 1;
  readonly id: string;
  readonly version: string;
  /** ID of the library that `relatedControls` refer to (`jipdec-isms-2.0`). */
  readonly controlLibrary: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly threatGroups: readonly StarterGroup<ThreatGroupId>[];
  readonly vulnerabilityGroups: readonly StarterGroup<VulnerabilityGroupId>[];
  readonly threats: readonly StarterThreat[];
  readonly vulnerabilities: readonly StarterVulnerability[];
}

const WHAT = 'invalid risk starter catalog';

let validator: ValidateFunction | undefined;

function validateSchema(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, allowMatchingProperties: true });
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  }
  return validator;
}

/**
 * Ajv's errors, readable. The `if` of `origin` only repeats its branch's
 * error, and `ja`/`en` also match the language-tag pattern, so a bad text
 * would be reported twice: say each thing once.
 */
function schemaIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties')
      message += ` ('${String(e.params.additionalProperty)}')`;
    else if (e.keyword === 'enum')
      message += `: ${(e.params.allowedValues as unknown[]).join(', ')}`;
    else if (e.keyword === 'const') message += `: ${JSON.stringify(e.params.allowedValue)}`;
    const key = `${e.instancePath}\n${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path: e.instancePath, message });
  }
  return issues;
}

/** Unique IDs within one list; returns each ID with the pointer of its first use. */
function uniqueIds(
  items: readonly { readonly id: string }[],
  base: string,
  what: string,
  issues: ValidationIssue[],
): Map<string, string> {
  const seen = new Map<string, string>();
  items.forEach((item, i) => {
    const pointer = `${base}/${i}/id`;
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, pointer);
    else
      issues.push({
        path: pointer,
        message: `duplicate ${what} ID "${item.id}" (first at ${first})`,
      });
  });
  return seen;
}

/** Checks the schema cannot express. Runs only on schema-valid input. */
function checkRiskStarter(
  cat: RiskStarterCatalog,
  libraries: readonly Library[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const threatGroups = uniqueIds(cat.threatGroups, '/threatGroups', 'threat group', issues);
  const vulnerabilityGroups = uniqueIds(
    cat.vulnerabilityGroups,
    '/vulnerabilityGroups',
    'vulnerability group',
    issues,
  );
  const threatIds = uniqueIds(cat.threats, '/threats', 'threat', issues);
  uniqueIds(cat.vulnerabilities, '/vulnerabilities', 'vulnerability', issues);

  const library = libraries.find((lib) => lib.id === cat.controlLibrary);
  if (!library)
    issues.push({
      path: '/controlLibrary',
      message: `unknown control library "${cat.controlLibrary}"`,
    });
  const controlIds = new Set(library ? flattenControls(library).map((f) => f.control.id) : []);
  const checkControls = (ids: readonly string[], base: string): void => {
    if (!library) return;
    ids.forEach((id, i) => {
      if (!controlIds.has(id))
        issues.push({
          path: `${base}/relatedControls/${i}`,
          message: `no control "${id}" in ${library.id}`,
        });
    });
  };

  cat.threats.forEach((threat, i) => {
    const base = `/threats/${i}`;
    if (!threatGroups.has(threat.group))
      issues.push({
        path: `${base}/group`,
        message: `threat group "${threat.group}" is not declared in /threatGroups`,
      });
    checkControls(threat.relatedControls, base);
  });
  cat.vulnerabilities.forEach((vulnerability, i) => {
    const base = `/vulnerabilities/${i}`;
    if (!vulnerabilityGroups.has(vulnerability.group))
      issues.push({
        path: `${base}/group`,
        message: `vulnerability group "${vulnerability.group}" is not declared in /vulnerabilityGroups`,
      });
    vulnerability.exploitedBy.forEach((id, j) => {
      if (!threatIds.has(id))
        issues.push({ path: `${base}/exploitedBy/${j}`, message: `no threat "${id}"` });
    });
    checkControls(vulnerability.relatedControls, base);
  });
  return issues;
}

/**
 * Validates parsed JSON as a risk starter catalog against the given libraries
 * (default: the shipped ones). Throws LibraryValidationError naming
 * `sourceName` and the JSON path of each bad node. A single `origin` comes
 * back as a one-element list; the input is not modified.
 */
export async function parseRiskStarter(
  json: unknown,
  sourceName: string,
  libraries?: readonly Library[],
): Promise<RiskStarterCatalog> {
  const validate = validateSchema();
  if (!validate(json))
    throw new LibraryValidationError(sourceName, schemaIssues(validate.errors ?? []), WHAT);
  const raw = json as RiskStarterCatalog & {
    threats: readonly (Omit<StarterThreat, 'origin'> & { origin: ThreatOrigin | ThreatOrigin[] })[];
  };
  const cat: RiskStarterCatalog = {
    ...raw,
    threats: raw.threats.map((t) => ({
      ...t,
      origin: typeof t.origin === 'string' ? [t.origin] : t.origin,
    })),
  };
  const issues = checkRiskStarter(cat, libraries ?? (await shippedLibraries()));
  if (issues.length > 0) throw new LibraryValidationError(sourceName, issues, WHAT);
  return cat;
}

/** Reads, parses and validates a risk starter file. */
export async function loadRiskStarterFile(
  path: string | URL,
  libraries?: readonly Library[],
): Promise<RiskStarterCatalog> {
  const name = typeof path === 'string' ? path : fileURLToPath(path);
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LibraryValidationError(
      name,
      [{ path: '', message: `invalid JSON: ${(error as Error).message}` }],
      WHAT,
    );
  }
  return parseRiskStarter(json, name, libraries);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

let shipped: Promise<RiskStarterCatalog> | undefined;

/**
 * The shipped risk starter catalog (packages/catalog/data/risk-starter.json),
 * validated against the shipped libraries once and cached. Deep-frozen: every
 * caller shares it, and copies what it wants to change. A broken file rejects
 * (and is retried on the next call).
 */
export function riskStarterCatalog(): Promise<RiskStarterCatalog> {
  shipped ??= loadRiskStarterFile(DATA_URL)
    .then(deepFreeze)
    .catch((error: unknown) => {
      shipped = undefined;
      throw error;
    });
  return shipped;
}
