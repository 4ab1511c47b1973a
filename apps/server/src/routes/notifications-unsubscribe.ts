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
    ask: (kinds: string) =>
      `次のお知らせのメールを停止しますか？: ${kinds}。アプリ内の通知は引き続き表示されます。`,
    button: 'メールを停止する',
    done: (kinds: string) => `次のメールを停止しました: ${kinds}。設定画面からいつでも戻せます。`,
  },
  en: {
    title: 'Stop emails',
    ask: (kinds: string) =>
      `Stop emails for: ${kinds}? You will still see these notifications in the app.`,
    button: 'Stop emails',
    done: (kinds: string) =>
      `Emails stopped for: ${kinds}. You can turn them back on in your settings at any time.`,
  },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function unsubscribePage(
  locale: string,
  state: { confirm: string; kinds: NotificationKind[] } | { done: NotificationKind[] },
) {
  const l = locale === 'en' ? 'en' : 'ja';
  const w = WORDS[l];
  const names = (kinds: NotificationKind[]) =>
    kinds.map((k) => notifications.KIND_NAMES[k]?.[l] ?? k).join(l === 'ja' ? '、' : ', ');
  const body =
    'confirm' in state
      ? `<p>${escape(w.ask(names(state.kinds)))}</p><form method="post" action="?token=${encodeURIComponent(state.confirm)}"><button type="submit">${escape(w.button)}</button></form>`
      : `<p role="status">${escape(w.done(names(state.done)))}</p>`;
  return `<!doctype html><html lang="${l}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(w.title)}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${escape(w.title)}</h1>${body}</body></html>`;
}
