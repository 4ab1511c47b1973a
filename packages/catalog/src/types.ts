// TypeScript mirror of schema/library.schema.json. Everything is readonly: the
// shipped libraries are shared, frozen objects (see shippedLibraries()).

/** A BCP 47 language tag; the shipped libraries use `ja` and `en`. */
export type Locale = 'ja' | 'en' | (string & {});

/**
 * One text in several languages. A library's languages are the locales of its
 * `name`; the loader checks that every LocalizedText carries each of them.
 */
export interface LocalizedText {
  readonly ja?: string;
  readonly en?: string;
  readonly [locale: string]: string | undefined;
}

export interface LibrarySource {
  /** Original title of the source document, in its own language. */
  readonly title: string;
  /** ISO date (YYYY-MM-DD). */
  readonly published?: string;
  readonly url?: string;
  readonly note?: LocalizedText;
}

export interface RequirementNode {
  /** Stable ID, e.g. `4.2.1.b.1`. Requirement IDs are their own namespace. */
  readonly id: string;
  /** How the standard prints it, e.g. `第4 2.(1) b (ア)`. */
  readonly displayId: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly children?: readonly RequirementNode[];
}

export type GroupKind = 'domain' | 'objective' | 'group';

// OSCAL content kept as read, so that an imported catalog exports as it came
// (see src/oscal/). Texts in these are single-language strings in the
// library's language, verbatim: prose keeps `{{ insert: param, id }}` markers.

/** An OSCAL prop: a name/value pair, optionally namespaced and classed. */
export interface Prop {
  readonly name: string;
  readonly value: string;
  readonly ns?: string;
  readonly class?: string;
  readonly uuid?: string;
  readonly group?: string;
  readonly remarks?: string;
}

/** An OSCAL link: a related control (`#ac-3`), a back-matter resource (`#uuid`) or a URL. */
export interface Link {
  readonly href: string;
  readonly rel?: string;
  readonly text?: string;
  readonly mediaType?: string;
  readonly resourceFragment?: string;
}

/**
 * An OSCAL part of any name (`statement`, `item`, `guidance`,
 * `assessment-objective`, `assessment-method`, `assessment-objects`, …),
 * with its sub-parts nested.
 */
export interface Part {
  readonly id?: string;
  readonly name: string;
  readonly ns?: string;
  readonly class?: string;
  readonly title?: string;
  readonly props?: readonly Prop[];
  readonly prose?: string;
  readonly parts?: readonly Part[];
  readonly links?: readonly Link[];
}

/** A back-matter resource (a cited document), referenced by links as `#uuid`. */
export interface Resource {
  readonly uuid: string;
  readonly title?: string;
  readonly description?: string;
  readonly props?: readonly Prop[];
  readonly documentIds?: readonly { readonly scheme?: string; readonly identifier: string }[];
  readonly citation?: {
    readonly text: string;
    readonly props?: readonly Prop[];
    readonly links?: readonly Link[];
  };
  readonly rlinks?: readonly {
    readonly href: string;
    readonly mediaType?: string;
    readonly hashes?: readonly { readonly algorithm: string; readonly value: string }[];
  }[];
  readonly base64?: {
    readonly filename?: string;
    readonly mediaType?: string;
    readonly value: string;
  };
  readonly remarks?: string;
}

export interface ControlGroup extends OscalContent {
  /** Shares one namespace with control IDs (e.g. `3`, `3.1`). */
  readonly id: string;
  readonly displayId: string;
  readonly kind: GroupKind;
  readonly title: LocalizedText;
  readonly summary?: LocalizedText;
  readonly params?: readonly ControlParam[];
  readonly groups?: readonly ControlGroup[];
  readonly controls?: readonly Control[];
}

export interface ControlParam {
  readonly id: string;
  readonly class?: string;
  readonly props?: readonly Prop[];
  readonly links?: readonly Link[];
  readonly label?: LocalizedText;
  readonly usage?: string;
  readonly constraints?: readonly {
    readonly description?: string;
    readonly tests?: readonly { readonly expression: string; readonly remarks?: string }[];
  }[];
  /** Prose of each OSCAL guideline, verbatim. */
  readonly guidelines?: readonly string[];
  readonly values?: readonly string[];
  readonly select?: {
    readonly howMany?: 'one' | 'one-or-more';
    /** Verbatim: a choice may insert another param. */
    readonly choice: readonly string[];
  };
  readonly remarks?: string;
}

/**
 * OSCAL content of a group or control that Mamoru's own fields do not hold.
 * `parts` are all of the node's OSCAL parts; when present they are what the
 * OSCAL export writes, and `summary`/`guidance` are their plain-text
 * rendering (for lists, search and the SoA).
 */
export interface OscalContent {
  readonly class?: string;
  /** The node's OSCAL props as read (the `label` that gave `displayId` included; `displayId` wins on export). */
  readonly props?: readonly Prop[];
  readonly links?: readonly Link[];
  readonly parts?: readonly Part[];
}

export interface Control extends OscalContent {
  /** e.g. `3.1.1`. */
  readonly id: string;
  /** e.g. `3(1)①`. */
  readonly displayId: string;
  readonly title: LocalizedText;
  readonly summary?: LocalizedText;
  readonly guidance?: LocalizedText;
  readonly params?: readonly ControlParam[];
  /** Enhancements (OSCAL child controls). */
  readonly controls?: readonly Control[];
}

export interface Term {
  readonly id: string;
  readonly term: LocalizedText;
  readonly definition: LocalizedText;
}

export type MappingRelation = 'equal' | 'subset' | 'superset' | 'intersects' | 'related';

/** How sure the mapping's authors are of a row (see the catalog README, "Editions"). */
export type MappingConfidence = 'high' | 'medium' | 'low';

export interface LibraryMapping {
  readonly targetLibrary: string;
  /** Where the correspondences come from (public tables, or "derived by …"). */
  readonly source?: LibrarySource;
  readonly relations: readonly {
    /** A control, group or requirement ID of this library. */
    readonly source: string;
    /** A node ID of the target library. */
    readonly target: string;
    /** Read "source is <relation> of target": `subset` = the source covers part of the target. */
    readonly relation: MappingRelation;
    readonly confidence?: MappingConfidence;
  }[];
}

export interface Library {
  readonly $schema?: string;
  readonly formatVersion: 1;
  /** Slug, e.g. `jipdec-isms-2.0`. */
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  readonly publisher?: LocalizedText;
  readonly description?: LocalizedText;
  readonly source: LibrarySource;
  readonly requirements: readonly RequirementNode[];
  readonly controlGroups: readonly ControlGroup[];
  readonly terms: readonly Term[];
  readonly mappings?: readonly LibraryMapping[];
  /** Catalog-level OSCAL params. */
  readonly params?: readonly ControlParam[];
  /** OSCAL back-matter resources, all of them, as read. */
  readonly resources?: readonly Resource[];
  /**
   * An imported OSCAL catalog's metadata as read, without `title`, `version`
   * and `last-modified` (those come from the library). Its presence marks a
   * library imported from another tool: the export then writes this metadata
   * instead of Mamoru's extensions, so the catalog goes out as it came in.
   */
  readonly oscalMetadata?: Readonly<Record<string, unknown>>;
}
