// What an import leaves out or changes, reported (dry run, API, CLI) but not
// fatal. Coded like FormatError so that each layer words it in its language.

export type WarningCode =
  | 'catalog_warning_xml_skipped'
  | 'catalog_warning_ciso_fields'
  | 'catalog_warning_ciso_untranslated'
  | 'catalog_warning_ciso_orphans';

export interface ImportWarning {
  readonly code: WarningCode;
  readonly params: Record<string, string | number>;
  /** The English wording (CLI, logs). */
  readonly message: string;
}

const EN: Record<WarningCode, string> = {
  catalog_warning_xml_skipped:
    'element <{element}> is not part of the OSCAL catalog model and was left out ({count}×, first at {path})',
  catalog_warning_ciso_fields: 'fields kept out of the library: {fields} ({count} node(s))',
  catalog_warning_ciso_untranslated:
    '{count} text(s) have no "{locale}" translation; the "{fallback}" text stands in for them',
  catalog_warning_ciso_orphans:
    '{count} requirement node(s) name a parent_urn that is not in the file and were placed at the top (first: {ref})',
};

export function warning(code: WarningCode, params: Record<string, string | number>): ImportWarning {
  const message = EN[code].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { code, params, message };
}
