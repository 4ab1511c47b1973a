/**
 * Problem and report texts of the catalog import's formats (spread into
 * messages.ts): what a refused file looks like, the words filled into those
 * messages, and the warnings of an import. Both locales hold the same keys.
 */
const SUPPORTED_EN =
  'Supported: OSCAL catalog (JSON, YAML, XML), CISO Assistant framework (YAML), Mamoru library (JSON).';
const SUPPORTED_JA =
  '対応形式: OSCAL カタログ（JSON・YAML・XML）、CISO Assistant フレームワーク（YAML）、Mamoru ライブラリ（JSON）。';

export const catalogImportMessages = {
  en: {
    catalog_file_empty: 'The file is empty.',
    catalog_file_binary: `This looks like {what}, not a catalog. ${SUPPORTED_EN}`,
    catalog_file_too_large: 'The file is {size} MiB; the largest catalog accepted is {max} MiB.',
    catalog_file_unreadable: 'This looks like {format}, but it cannot be read: {reason}',
    catalog_format_unsupported: `This looks like {format}, but not an OSCAL catalog or a CISO Assistant library ({found}). ${SUPPORTED_EN}`,
    catalog_xml_root: `This looks like XML, but its root element is <{root}>, not an OSCAL <catalog>. ${SUPPORTED_EN}`,
    catalog_oscal_model: `This is an OSCAL {model}, not a catalog. ${SUPPORTED_EN}`,
    catalog_ciso_no_framework:
      'This CISO Assistant library holds no framework (it holds: {objects}); only framework libraries can be imported as catalogs.',
    catalog_ciso_no_language:
      'The library has no Japanese or English text (its languages: {languages}); Mamoru needs ja or en.',
    catalog_file_kind_pdf: 'a PDF document',
    catalog_file_kind_zip: 'a ZIP archive (or an XLSX/DOCX file)',
    catalog_file_kind_png: 'a PNG image',
    catalog_file_kind_jpeg: 'a JPEG image',
    catalog_file_kind_gif: 'a GIF image',
    catalog_file_kind_gzip: 'a gzip-compressed file',
    catalog_file_kind_office: 'a legacy Microsoft Office file (XLS/DOC)',
    catalog_file_kind_executable: 'a program',
    catalog_file_kind_binary: 'a binary file (not text)',
    catalog_shape_empty: 'it has no content',
    catalog_shape_list: 'its top level is a list',
    catalog_shape_scalar: 'its top level is a single value',
    catalog_shape_keys: 'top-level keys: {keys}',
    catalog_model_profile: 'profile',
    'catalog_model_component-definition': 'component definition',
    'catalog_model_system-security-plan': 'system security plan',
    'catalog_model_assessment-plan': 'assessment plan',
    'catalog_model_assessment-results': 'assessment results',
    'catalog_model_plan-of-action-and-milestones': 'plan of action and milestones',
    'catalog_model_mapping-collection': 'mapping collection',
    catalog_warning_xml_skipped:
      'The element <{element}> is not part of the OSCAL catalog model and was left out ({count} times, first at {path}).',
    catalog_warning_ciso_fields:
      'Fields the catalog has no place for were left out: {fields} ({count} nodes).',
    catalog_warning_ciso_untranslated:
      '{count} texts have no "{locale}" translation; the "{fallback}" text stands in for them.',
    catalog_warning_ciso_orphans:
      '{count} requirement nodes name a parent that is not in the file and were placed at the top (first: {ref}).',
  },
  ja: {
    catalog_file_empty: 'ファイルが空です。',
    catalog_file_binary: `このファイルは{what}のようです。カタログではありません。${SUPPORTED_JA}`,
    catalog_file_too_large: 'ファイルは {size} MiB です。取り込めるカタログは {max} MiB までです。',
    catalog_file_unreadable: '{format} のようですが、読み取れません: {reason}',
    catalog_format_unsupported: `{format} のようですが、OSCAL カタログでも CISO Assistant ライブラリでもありません（{found}）。${SUPPORTED_JA}`,
    catalog_xml_root: `XML のようですが、ルート要素が <{root}> で、OSCAL の <catalog> ではありません。${SUPPORTED_JA}`,
    catalog_oscal_model: `これは OSCAL の{model}で、カタログではありません。${SUPPORTED_JA}`,
    catalog_ciso_no_framework:
      'この CISO Assistant ライブラリにはフレームワークがありません（含まれるもの: {objects}）。カタログとして取り込めるのはフレームワークのライブラリだけです。',
    catalog_ciso_no_language:
      'ライブラリに日本語・英語のテキストがありません（言語: {languages}）。Mamoru には ja か en が必要です。',
    catalog_file_kind_pdf: 'PDF 文書',
    catalog_file_kind_zip: 'ZIP アーカイブ（または XLSX・DOCX ファイル）',
    catalog_file_kind_png: 'PNG 画像',
    catalog_file_kind_jpeg: 'JPEG 画像',
    catalog_file_kind_gif: 'GIF 画像',
    catalog_file_kind_gzip: 'gzip 圧縮ファイル',
    catalog_file_kind_office: '旧形式の Microsoft Office ファイル（XLS・DOC）',
    catalog_file_kind_executable: 'プログラム',
    catalog_file_kind_binary: 'バイナリファイル（テキストではないファイル）',
    catalog_shape_empty: '中身がありません',
    catalog_shape_list: '最上位がリストです',
    catalog_shape_scalar: '最上位が単一の値です',
    catalog_shape_keys: '最上位のキー: {keys}',
    catalog_model_profile: 'プロファイル',
    'catalog_model_component-definition': 'コンポーネント定義',
    'catalog_model_system-security-plan': 'システムセキュリティ計画',
    'catalog_model_assessment-plan': 'アセスメント計画',
    'catalog_model_assessment-results': 'アセスメント結果',
    'catalog_model_plan-of-action-and-milestones': '行動計画とマイルストーン',
    'catalog_model_mapping-collection': 'マッピング集',
    catalog_warning_xml_skipped:
      '要素 <{element}> は OSCAL カタログのモデルにないため取り込みません（{count} 件、最初は {path}）。',
    catalog_warning_ciso_fields:
      'カタログに入れる場所のない項目を除きました: {fields}（{count} ノード）。',
    catalog_warning_ciso_untranslated:
      '{count} 件のテキストに「{locale}」の翻訳がないため、「{fallback}」のテキストで代用します。',
    catalog_warning_ciso_orphans:
      '{count} 件の要求事項ノードの親がファイルにないため、最上位に置きました（最初: {ref}）。',
  },
};

/**
 * The params of a format refusal, with the words that name what the file
 * looks like in the reader's language (the domain gives English and keys).
 */
export function localizeFormatParams(
  translate: (code: string, params?: Record<string, string | number>) => string,
  code: string,
  params: Record<string, string | number>,
): Record<string, string | number> {
  if (code === 'catalog_file_binary' && params.kind)
    return { ...params, what: translate(`catalog_file_kind_${params.kind}`) };
  if (code === 'catalog_format_unsupported' && params.shape)
    return { ...params, found: translate(`catalog_shape_${params.shape}`, params) };
  if (code === 'catalog_oscal_model' && params.root)
    return { ...params, model: translate(`catalog_model_${params.root}`) };
  return params;
}
