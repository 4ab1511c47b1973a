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

export interface ControlGroup {
  /** Shares one namespace with control IDs (e.g. `3`, `3.1`). */
  readonly id: string;
  readonly displayId: string;
  readonly kind: GroupKind;
  readonly title: LocalizedText;
  readonly summary?: LocalizedText;
  readonly groups?: readonly ControlGroup[];
  readonly controls?: readonly Control[];
}

export interface ControlParam {
  readonly id: string;
  readonly label?: LocalizedText;
  readonly values?: readonly string[];
  readonly select?: {
    readonly howMany?: 'one' | 'one-or-more';
    readonly choice: readonly string[];
  };
}

export interface Control {
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

export interface LibraryMapping {
  readonly targetLibrary: string;
  readonly relations: readonly {
    /** A control, group or requirement ID of this library. */
    readonly source: string;
    /** A node ID of the target library. */
    readonly target: string;
    readonly relation: MappingRelation;
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
}
