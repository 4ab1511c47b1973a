import type { NotificationKind } from '@mamoru/contracts';
import type { MailMessage } from './mailer.ts';
import { headline, KIND_NAMES, type MailLocale, type Worded } from './wording.ts';

/**
 * Mail templates (ja/en): an immediate mail for one notification, and a
 * digest of several grouped by kind. Each carries an unsubscribe link per
 * kind and a List-Unsubscribe header (RFC 8058 one-click).
 */

export interface MailItem extends Worded {
  href: string;
}

export interface Composed {
  to: string;
  locale: MailLocale;
  displayName: string;
  /** An absolute link that turns the kind(s) off, per kind and for the whole mail. */
  unsubscribe: { all: string; byKind: Partial<Record<NotificationKind, string>> };
  publicUrl: string;
}

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const T = {
  ja: {
    greeting: (name: string) => `${name} 様`,
    open: 'Mamoru で開く',
    unsubscribe: (kind: string) => `「${kind}」のメールを停止する`,
    digestSubject: (n: number) => `[Mamoru] お知らせのまとめ（${n}件）`,
    digestIntro: 'Mamoru からのお知らせをまとめてお送りします。',
    footer: 'このメールは Mamoru（ISMS）から自動で送信されています。',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    open: 'Open in Mamoru',
    unsubscribe: (kind: string) => `Stop emails for "${kind}"`,
    digestSubject: (n: number) => `[Mamoru] Your notification digest (${n})`,
    digestIntro: 'Here is a summary of your notifications in Mamoru.',
    footer: 'This email was sent automatically by Mamoru (ISMS).',
  },
} as const;

const headers = (c: Composed) => ({
  'List-Unsubscribe': `<${c.unsubscribe.all}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

const link = (c: Composed, href: string) => `${c.publicUrl}${href}`;

function html(c: Composed, body: string) {
  return `<!doctype html><html lang="${c.locale}"><body style="font-family:sans-serif;line-height:1.6">${body}<hr><p style="color:#666;font-size:12px">${escape(T[c.locale].footer)}</p></body></html>`;
}

function unsubscribeLines(c: Composed, kinds: NotificationKind[]) {
  const t = T[c.locale];
  const lines = kinds.map((k) => ({
    label: t.unsubscribe(KIND_NAMES[k][c.locale]),
    url: c.unsubscribe.byKind[k] ?? c.unsubscribe.all,
  }));
  return {
    text: lines.map((l) => `${l.label}: ${l.url}`).join('\n'),
    html: lines.map((l) => `<a href="${escape(l.url)}">${escape(l.label)}</a>`).join('<br>'),
  };
}

/** One notification mailed at once (an approval waiting, an incident deadline). */
export function immediateMail(c: Composed, n: MailItem): MailMessage {
  const t = T[c.locale];
  const line = headline(n, c.locale);
  const url = link(c, n.href);
  const unsub = unsubscribeLines(c, [n.kind as NotificationKind]);
  return {
    to: c.to,
    subject: `[Mamoru] ${line}`,
    text: `${t.greeting(c.displayName)}\n\n${line}\n\n${t.open}: ${url}\n\n--\n${t.footer}\n${unsub.text}\n`,
    html: html(
      c,
      `<p>${escape(t.greeting(c.displayName))}</p><p>${escape(line)}</p><p><a href="${escape(url)}">${escape(t.open)}</a></p><p style="font-size:12px">${unsub.html}</p>`,
    ),
    headers: headers(c),
  };
}

/** Everything waiting for the digest, grouped by kind in the order of the kinds. */
export function digestMail(c: Composed, items: readonly MailItem[]): MailMessage {
  const t = T[c.locale];
  const kinds = (Object.keys(KIND_NAMES) as NotificationKind[]).filter((k) =>
    items.some((i) => i.kind === k),
  );
  const groups = kinds.map((k) => ({
    name: KIND_NAMES[k][c.locale],
    lines: items
      .filter((i) => i.kind === k)
      .map((i) => ({ text: headline(i, c.locale), url: link(c, i.href) })),
  }));
  const unsub = unsubscribeLines(c, kinds);
  const text = groups
    .map((g) => `■ ${g.name}\n${g.lines.map((l) => `- ${l.text}\n  ${l.url}`).join('\n')}`)
    .join('\n\n');
  const body = groups
    .map(
      (g) =>
        `<h3>${escape(g.name)}</h3><ul>${g.lines
          .map((l) => `<li><a href="${escape(l.url)}">${escape(l.text)}</a></li>`)
          .join('')}</ul>`,
    )
    .join('');
  return {
    to: c.to,
    subject: t.digestSubject(items.length),
    text: `${t.greeting(c.displayName)}\n\n${t.digestIntro}\n\n${text}\n\n--\n${t.footer}\n${unsub.text}\n`,
    html: html(
      c,
      `<p>${escape(t.greeting(c.displayName))}</p><p>${escape(t.digestIntro)}</p>${body}<p style="font-size:12px">${unsub.html}</p>`,
    ),
    headers: headers(c),
  };
}
