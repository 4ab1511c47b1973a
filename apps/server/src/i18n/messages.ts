import type { Locale } from '@mamoru/contracts';

type Catalog = Record<string, string>;

/**
 * Server-side texts of problem responses. Keys are the stable codes that the
 * domain raises; both locales must hold the same keys (a test checks).
 */
export const messages: Record<Locale, Catalog> = {
  en: {
    validation: 'The request is not valid.',
    malformed_json: 'The request body is not valid JSON.',
    unsupported_media_type: 'Unsupported content type: {type}.',
    body_too_large: 'The request body is larger than the limit of {limit} bytes.',
    route_not_found: 'No such route: {method} {url}.',
    not_found: 'The {entity} does not exist or is not visible to you.',
    unauthenticated: 'You are not signed in.',
    forbidden: 'You do not have permission for this action.',
    conflict: 'The request conflicts with the current state.',
    stale_version:
      'Someone else changed this object after you loaded it. Reload it and apply your change again.',
    if_match_required: 'This update needs an If-Match header with the ETag you last read.',
    too_many_requests: 'Too many requests. Try again in {seconds} seconds.',
    internal: 'An unexpected error occurred. It has been logged with request id {requestId}.',
    field_required: 'Required.',
  },
  ja: {
    validation: 'リクエストの内容に誤りがあります。',
    malformed_json: 'リクエスト本文が正しい JSON ではありません。',
    unsupported_media_type: 'サポートされていないコンテンツ種別です: {type}',
    body_too_large: 'リクエスト本文が上限の {limit} バイトを超えています。',
    route_not_found: 'そのルートはありません: {method} {url}',
    not_found: '{entity} が存在しないか、参照する権限がありません。',
    unauthenticated: 'サインインしていません。',
    forbidden: 'この操作を行う権限がありません。',
    conflict: '現在の状態と矛盾する要求です。',
    stale_version:
      '読み込んだ後に他の人がこの対象を変更しました。再読み込みしてから変更をやり直してください。',
    if_match_required: 'この更新には、最後に取得した ETag を If-Match ヘッダーで指定する必要があります。',
    too_many_requests: 'リクエストが多すぎます。{seconds} 秒後に再試行してください。',
    internal: '予期しないエラーが発生しました。リクエスト ID {requestId} で記録しました。',
    field_required: '必須項目です。',
  },
};

export function translate(
  locale: Locale,
  code: string,
  params: Record<string, string | number> = {},
): string {
  const template = messages[locale][code] ?? messages.en[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** The caller's language: the signed-in user's choice, else Accept-Language, else English. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
