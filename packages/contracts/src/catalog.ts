import { z } from 'zod';
import { localeSchema, localizedTextSchema } from './common.ts';
import { documentStatusSchema, documentTypeSchema } from './documents.ts';
import { riskBandRefSchema } from './risks.ts';
import {
  riskControlRoleSchema,
  riskStatusSchema,
  treatmentOptionSchema,
} from './risks-register.ts';

/** A library ID: lower-case letters and digits separated by single dots or hyphens. */
export const LIBRARY_ID_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
/** A node ID (requirement, group, control): letters of any script, digits, '.', '-', '_'. */
export const NODE_ID_PATTERN = /^[\p{L}\p{N}_][\p{L}\p{N}._-]*$/u;

export const libraryIdSchema = z.string().max(100).regex(LIBRARY_ID_PATTERN);
export const nodeIdSchema = z.string().max(100).regex(NODE_ID_PATTERN);

/**
 * A library text per BCP 47 language tag. Shipped libraries carry `ja` and
 * `en` everywhere; an imported one carries the languages of its name.
 */
export const catalogTextSchema = z
  .record(z.string(), z.string())
  .meta({ id: 'CatalogText', description: 'A text per BCP 47 language tag (ja, en, …).' });
export type CatalogText = z.infer<typeof catalogTextSchema>;

/** A text the organization writes: Japanese, English or both. */
function ownText(max: number) {
  const text = z.string().trim().min(1).max(max);
  return z
    .object({ ja: text.optional(), en: text.optional() })
    .refine((t) => t.ja !== undefined || t.en !== undefined, {
      message: 'needs ja or en',
    });
}

export const catalogOriginSchema = z.enum(['shipped', 'native', 'oscal']);
export type CatalogOrigin = z.infer<typeof catalogOriginSchema>;
export const catalogNamespaceSchema = z.enum(['requirement', 'control']);
export type CatalogNamespace = z.infer<typeof catalogNamespaceSchema>;
export const catalogNodeKindSchema = z.enum([
  'requirement',
  'domain',
  'objective',
  'group',
  'control',
]);
export type CatalogNodeKind = z.infer<typeof catalogNodeKindSchema>;

export const catalogLibrarySchema = z
  .object({
    /** The library ID, used in every URL: e.g. `jipdec-isms-2.0`. */
    id: z.string(),
    version: z.string(),
    name: catalogTextSchema,
    publisher: catalogTextSchema.nullable(),
    description: catalogTextSchema.nullable(),
    /** shipped with Mamoru, or imported by the organization as Mamoru JSON or OSCAL. */
    origin: catalogOriginSchema,
    /** The library's languages (those of its name). */
    languages: z.array(z.string()),
    counts: z.object({
      requirements: z.number().int(),
      groups: z.number().int(),
      controls: z.number().int(),
      /** Controls the organization added to the library. */
      ownControls: z.number().int(),
      /** Nodes with the organization's official wording (the licensed-text overlay). */
      overlayTexts: z.number().int(),
    }),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CatalogLibrary' });
export type CatalogLibrary = z.infer<typeof catalogLibrarySchema>;

export const catalogLibraryListSchema = z.object({ items: z.array(catalogLibrarySchema) });

export const catalogParamSchema = z
  .object({
    id: z.string(),
    label: catalogTextSchema.optional(),
    /** OSCAL guidelines: what to consider when giving the param a value. */
    guidelines: z.array(z.string()).optional(),
    values: z.array(z.string()).optional(),
    select: z
      .object({
        howMany: z.enum(['one', 'one-or-more']).optional(),
        choice: z.array(z.string()),
      })
      .optional(),
  })
  .meta({ id: 'CatalogParam' });
export type CatalogParam = z.infer<typeof catalogParamSchema>;

/** An OSCAL link of a control: a related control (`#ac-3`), a cited resource (`#uuid`) or a URL. */
export const catalogLinkSchema = z
  .object({
    href: z.string(),
    rel: z.string().optional(),
    text: z.string().optional(),
    /** The back-matter resource a `#uuid` link cites: its title and first address. */
    resource: z.object({ title: z.string().optional(), href: z.string().optional() }).optional(),
  })
  .meta({ id: 'CatalogLink' });
export type CatalogLink = z.infer<typeof catalogLinkSchema>;

/**
 * An OSCAL part of a control as imported (statement items, guidance,
 * assessment objectives, …), in the library's language; prose keeps its
 * `{{ insert: param, id }}` markers for the page to show as placeholders.
 */
export interface CatalogPart {
  id?: string | undefined;
  name: string;
  ns?: string | undefined;
  title?: string | undefined;
  /** The `label` prop (`a.`, `1.`), when it has one. */
  label?: string | undefined;
  prose?: string | undefined;
  parts?: CatalogPart[] | undefined;
  links?: CatalogLink[] | undefined;
}

export const catalogPartSchema: z.ZodType<CatalogPart> = z
  .object({
    id: z.string().optional(),
    name: z.string(),
    ns: z.string().optional(),
    title: z.string().optional(),
    label: z.string().optional(),
    prose: z.string().optional(),
    get parts(): z.ZodOptional<z.ZodArray<z.ZodType<CatalogPart>>> {
      return z.array(catalogPartSchema).optional();
    },
    links: z.array(catalogLinkSchema).optional(),
  })
  .meta({ id: 'CatalogPart' });

export interface CatalogTreeNode {
  id: string;
  displayId: string;
  kind: CatalogNodeKind;
  title: CatalogText;
  summary: CatalogText | null;
  guidance: CatalogText | null;
  params?: CatalogParam[] | undefined;
  /** The organization's official wording of this node (its overlay), if imported. */
  official: CatalogText | null;
  /** True for a control the organization added; false for the library's own nodes. */
  own: boolean;
  children: CatalogTreeNode[];
}

export const catalogTreeNodeSchema: z.ZodType<CatalogTreeNode> = z
  .object({
    id: z.string(),
    displayId: z.string(),
    kind: catalogNodeKindSchema,
    title: catalogTextSchema,
    summary: catalogTextSchema.nullable(),
    guidance: catalogTextSchema.nullable(),
    params: z.array(catalogParamSchema).optional(),
    official: catalogTextSchema.nullable(),
    own: z.boolean(),
    get children(): z.ZodArray<z.ZodType<CatalogTreeNode>> {
      return z.array(catalogTreeNodeSchema);
    },
  })
  .meta({ id: 'CatalogTreeNode' });

export const catalogSourceSchema = z.object({
  title: z.string(),
  published: z.string().optional(),
  url: z.string().optional(),
  note: catalogTextSchema.optional(),
});

/**
 * A library as the organization sees it: the published document, with the
 * organization's own controls under their objectives and its official wording
 * beside each node that has one.
 */
export const catalogTreeSchema = z
  .object({
    library: catalogLibrarySchema,
    source: catalogSourceSchema,
    requirements: z.array(catalogTreeNodeSchema),
    controlGroups: z.array(catalogTreeNodeSchema),
  })
  .meta({ id: 'CatalogTree' });
export type CatalogTree = z.infer<typeof catalogTreeSchema>;

export const catalogNodeRefSchema = z
  .object({
    id: z.string(),
    displayId: z.string(),
    kind: catalogNodeKindSchema,
    title: catalogTextSchema,
  })
  .meta({ id: 'CatalogNodeRef' });
export type CatalogNodeRef = z.infer<typeof catalogNodeRefSchema>;

export const catalogControlSchema = z
  .object({
    id: z.string(),
    displayId: z.string(),
    title: catalogTextSchema,
    summary: catalogTextSchema.nullable(),
    guidance: catalogTextSchema.nullable(),
    official: catalogTextSchema.nullable(),
    own: z.boolean(),
    /** Enclosing groups (and parent controls of an enhancement), outermost first. */
    ancestors: z.array(catalogNodeRefSchema),
    /** The nearest enclosing objective and domain, when the library has them. */
    objective: catalogNodeRefSchema.nullable(),
    domain: catalogNodeRefSchema.nullable(),
  })
  .meta({ id: 'CatalogControl' });
export type CatalogControl = z.infer<typeof catalogControlSchema>;

export const usageRefSchema = z.object({ id: z.string(), title: z.string() });

/** How many items each list shows at most; `totals` counts them all. */
export const CONTROL_USAGE_LIMIT = 20;

/** A risk linking the control; `title` is its asset and threat as the register names them. */
export const controlUsageRiskSchema = usageRefSchema
  .extend({
    code: z.string(),
    asset: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    threat: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema }),
    /** Band of the method in force; null until a method is approved. */
    level: riskBandRefSchema.nullable(),
    value: z.number().int().nullable(),
    /** In place for the risk ('existing'), chosen to treat it ('selected'), or both. */
    roles: z.array(riskControlRoleSchema),
    status: riskStatusSchema,
    treatmentOption: treatmentOptionSchema.nullable(),
  })
  .meta({ id: 'ControlUsageRisk' });
export type ControlUsageRisk = z.infer<typeof controlUsageRiskSchema>;

/**
 * The control's entry in the latest version of the organization's latest
 * statement; `id` and `title` are the statement's. The status enums are those
 * of soa.ts, which imports this file.
 */
export const controlUsageSoaSchema = usageRefSchema
  .extend({
    versionId: z.uuid(),
    versionNumber: z.number().int(),
    versionStatus: z.enum(['draft', 'pending', 'approved', 'superseded']),
    /** null: not decided yet. */
    applicable: z.boolean().nullable(),
    proposed: z.boolean(),
    implementationStatus: z.enum(['not_started', 'planned', 'partial', 'implemented']),
    /** The start of the reasons (applicable) or of the exclusion reason. */
    justification: z.string(),
  })
  .meta({ id: 'ControlUsageSoa' });
export type ControlUsageSoa = z.infer<typeof controlUsageSoaSchema>;

/** A document serving the control; `title` is the document's. */
export const controlUsageDocumentSchema = usageRefSchema
  .extend({
    code: z.string(),
    type: documentTypeSchema,
    status: documentStatusSchema,
    /** The revision in force; null before the first issue. */
    currentRevision: z.number().int().nullable(),
  })
  .meta({ id: 'ControlUsageDocument' });
export type ControlUsageDocument = z.infer<typeof controlUsageDocumentSchema>;

export const controlUsageAreaSchema = z.enum(['risks', 'soa', 'documents']);

/**
 * Where a control is used: the risks linking it, its line in the statement of
 * applicability and the documents serving it, as far as the caller may read
 * them. Lists hold at most CONTROL_USAGE_LIMIT items; `totals` counts all.
 */
export const controlUsageSchema = z
  .object({
    risks: z.array(controlUsageRiskSchema),
    soa: z.array(controlUsageSoaSchema),
    documents: z.array(controlUsageDocumentSchema),
    totals: z.object({ risks: z.number().int(), documents: z.number().int() }),
    /** Areas the caller may not read: their lists are empty. */
    hidden: z.array(controlUsageAreaSchema),
  })
  .meta({
    id: 'ControlUsage',
    description:
      'Where the control is used: risks (highest level first), the entry of the latest statement of applicability, and documents (obsolete ones left out), limited to what the caller may read.',
  });
export type ControlUsage = z.infer<typeof controlUsageSchema>;

export const catalogControlDetailSchema = catalogControlSchema
  .extend({
    params: z.array(catalogParamSchema),
    /** The control's OSCAL parts, when its library came from an OSCAL catalog that has them. */
    parts: z.array(catalogPartSchema).optional(),
    links: z.array(catalogLinkSchema).optional(),
    usage: controlUsageSchema,
  })
  .meta({ id: 'CatalogControlDetail' });
export type CatalogControlDetail = z.infer<typeof catalogControlDetailSchema>;

export const catalogParamsSchema = z.object({ id: libraryIdSchema });
export const catalogControlParamsSchema = z.object({
  id: libraryIdSchema,
  controlId: nodeIdSchema,
});

export const catalogControlQuerySchema = z.object({
  /** 'true' lists withdrawn (obsolete) documents among the control's usage too. */
  includeObsolete: z.enum(['true', 'false']).optional(),
});

export const catalogSearchQuerySchema = z.object({
  /** Words that must all occur (ja or en) in the control's ID, title, summary or objective. */
  q: z.string().trim().max(200).optional(),
  /** Search the controls (default) or the requirements (clauses) of the library. */
  namespace: catalogNamespaceSchema.default('control'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export const catalogExportFormatSchema = z.enum(['oscal', 'native']);
export type CatalogExportFormat = z.infer<typeof catalogExportFormatSchema>;
export const catalogExportQuerySchema = z.object({
  format: catalogExportFormatSchema,
  /** OSCAL only: the language of the OSCAL fields (default: the caller's, if the library has it). */
  locale: localeSchema.optional(),
});

/** The largest catalog file POST /catalogs/import accepts (5 MiB). */
export const CATALOG_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const catalogImportQuerySchema = z.object({
  /** Import under this ID instead of the file's own (e.g. a copy of a shipped catalog). */
  libraryId: libraryIdSchema.optional(),
  /** The language of an OSCAL catalog's texts (a Mamoru export records its own). Default en. */
  locale: localeSchema.optional(),
});
/** The file itself: Mamoru library JSON (`formatVersion`) or an OSCAL catalog (`catalog`). */
export const catalogImportBodySchema = z
  .record(z.string(), z.unknown())
  .meta({ description: 'A Mamoru library (JSON) or an OSCAL 1.x catalog document (JSON).' });

export const ownControlCreateSchema = z.object({
  /** The objective (or plain group) of the library the control belongs under. */
  objectiveId: nodeIdSchema,
  id: nodeIdSchema,
  displayId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\r\n]*$/)
    .optional(),
  title: ownText(500),
  summary: ownText(20_000).optional(),
  guidance: ownText(20_000).optional(),
});
export type OwnControlCreate = z.infer<typeof ownControlCreateSchema>;

export const overlayImportSchema = z.object({
  /** When given, must name the library of the URL (lets one file serve the CLI and the API). */
  libraryId: libraryIdSchema.optional(),
  texts: z
    .array(
      z.object({
        namespace: catalogNamespaceSchema,
        id: nodeIdSchema,
        text: ownText(50_000),
      }),
    )
    .max(10_000),
});
export type OverlayImport = z.infer<typeof overlayImportSchema>;

export const overlayResultSchema = z.object({
  libraryId: z.string(),
  /** Texts now in the overlay. */
  texts: z.number().int(),
  /** Texts the import replaced. */
  replaced: z.number().int(),
});

export const glossaryQuerySchema = z.object({ library: libraryIdSchema.optional() });
export const glossaryTermSchema = z
  .object({
    libraryId: z.string(),
    id: z.string(),
    term: catalogTextSchema,
    definition: catalogTextSchema,
  })
  .meta({ id: 'GlossaryTerm' });
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export const glossarySchema = z.object({ items: z.array(glossaryTermSchema) });
