import { Badge, Highlight, Text, type TextProps } from '@mantine/core';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, useCatalogLanguage, type PickedText, type Texts } from '../../lib/catalogText';

/**
 * Set when the page already says, once, that the library lacks the UI
 * language: the texts below then skip their own "only in …" badge.
 */
export const FallbackNoticeShown = createContext(false);

/** A language tag as a word in the UI language: ja → Japanese / 日本語. */
export function useLanguageName() {
  const { t, i18n } = useTranslation();
  return (tag: string) => {
    const code = tag.toLowerCase().split('-')[0];
    if (code === 'ja' || code === 'en') return t(`catalog.languageNames.${code}`);
    try {
      return (
        new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'language' }).of(tag) ?? tag
      );
    } catch {
      return tag;
    }
  };
}

/** "English only": marks a text shown in another language than the UI's. */
export function FallbackBadge({ picked }: { picked: PickedText }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  return (
    <Badge
      variant="outline"
      color="gray.7"
      size="xs"
      radius="sm"
      ml={6}
      style={{ verticalAlign: 'middle' }}
    >
      {t('catalog.onlyIn', { language: languageName(picked.lang) })}
    </Badge>
  );
}

type LocalizedTextProps = Omit<TextProps, 'children'> & {
  texts: Texts;
  component?: 'span' | 'p' | 'div';
  /** Words to mark (search terms). */
  highlight?: string[];
  /** Show the "only in …" badge when the UI language is missing (default: unless the page said so). */
  markFallback?: boolean;
  id?: string;
};

/**
 * A catalog text in the UI language, falling back to the other language for
 * single-language libraries; the `lang` attribute follows the text shown.
 */
export function LocalizedText({
  texts,
  component = 'span',
  highlight,
  markFallback,
  ...props
}: LocalizedTextProps) {
  const language = useCatalogLanguage();
  const noticeShown = useContext(FallbackNoticeShown);
  const picked = pickText(texts, language);
  if (!picked) return null;
  const mark = picked.fallback && (markFallback ?? !noticeShown);
  // Inline by default: the surrounding text decides the size unless one is given.
  const inherit = props.fz === undefined && props.size === undefined;
  const body =
    highlight && highlight.length > 0 ? (
      <Highlight
        component={component}
        highlight={highlight}
        lang={picked.lang}
        color="yellow.2"
        inherit={inherit}
        {...props}
      >
        {picked.text}
      </Highlight>
    ) : (
      <Text component={component} lang={picked.lang} inherit={inherit} {...props}>
        {picked.text}
      </Text>
    );
  return mark ? (
    <>
      {body}
      <FallbackBadge picked={picked} />
    </>
  ) : (
    body
  );
}
