import type { NotificationKind } from '@mamoru/contracts';
import { notifications } from '@mamoru/domain';

/**
 * The small page the unsubscribe link of an email opens: served by the API
 * itself, since the person is usually not signed in and the web app's shell
 * would only ask them to.
 */
const WORDS = {
  ja: {
    title: 'メール配信の停止',
    ask: 'この種類のお知らせのメールを停止しますか？アプリ内の通知は引き続き表示されます。',
    button: 'メールを停止する',
    done: (kinds: string) => `次のメールを停止しました: ${kinds}。設定画面からいつでも戻せます。`,
  },
  en: {
    title: 'Stop emails',
    ask: 'Stop emails for this kind of notification? You will still see them in the app.',
    button: 'Stop emails',
    done: (kinds: string) =>
      `Emails stopped for: ${kinds}. You can turn them back on in your settings at any time.`,
  },
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function unsubscribePage(
  locale: string,
  state: { confirm: string } | { done: NotificationKind[] },
) {
  const l = locale === 'en' ? 'en' : 'ja';
  const w = WORDS[l];
  const body =
    'confirm' in state
      ? `<p>${escape(w.ask)}</p><form method="post" action="?token=${encodeURIComponent(state.confirm)}"><button type="submit">${escape(w.button)}</button></form>`
      : `<p role="status">${escape(w.done(state.done.map((k) => notifications.KIND_NAMES[k]?.[l] ?? k).join(l === 'ja' ? '、' : ', ')))}</p>`;
  return `<!doctype html><html lang="${l}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(w.title)}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${escape(w.title)}</h1>${body}</body></html>`;
}
