// Public API of @mamoru/catalog: the library format, its loader and the OSCAL
// exchange. Pure functions over files and JSON; no database, no HTTP.
export type {
  Control,
  ControlGroup,
  ControlParam,
  GroupKind,
  Library,
  LibraryMapping,
  LibrarySource,
  Link,
  Locale,
  LocalizedText,
  MappingConfidence,
  MappingRelation,
  OscalContent,
  Part,
  Prop,
  RequirementNode,
  Resource,
  Term,
} from './types.ts';
export { LibraryValidationError, type ValidationIssue } from './errors.ts';
export {
  librarySchemaPath,
  loadLibraryFile,
  parseLibrary,
  shippedLibraries,
  shippedLibrary,
} from './load.ts';
export {
  findControl,
  flattenControls,
  flattenGroups,
  flattenRequirements,
  forEachLocalizedText,
  libraryLanguages,
  pickText,
  type FlatControl,
  type FlatGroup,
  type FlatRequirement,
} from './tree.ts';
export {
  loadRiskStarterFile,
  parseRiskStarter,
  riskStarterCatalog,
  riskStarterDataPath,
  riskStarterSchemaPath,
  THREAT_GROUP_IDS,
  VULNERABILITY_GROUP_IDS,
  type AssetCategory,
  type RiskStarterCatalog,
  type SecurityProperty,
  type StarterGroup,
  type StarterLevel,
  type StarterThreat,
  type StarterVulnerability,
  type ThreatGroupId,
  type ThreatOrigin,
  type VulnerabilityGroupId,
} from './risk-starter.ts';
export { toOscalCatalog, type OscalExportOptions } from './oscal/export.ts';
export { fromOscalCatalog, type OscalImportOptions } from './oscal/import.ts';
export { firstFreeLibraryId, LIBRARY_ID_MAX, slugify, withSuffix } from './oscal/slug.ts';
export { MAMORU_NS, OSCAL_VERSION, type OscalCatalogDocument } from './oscal/model.ts';
export * from './formats/index.ts';
