import { displayIdIn } from '@mamoru/contracts';
import type { Control, RequirementNode } from '@mamoru/catalog';

/**
 * Question prompts of checklist lines, in our own words: a template per kind
 * filled with the catalog's own titles and summaries (written by us, never the
 * standard's text), so every line reads as a question the auditor asks.
 */

export interface Bilingual {
  ja: string;
  en: string;
}

const text = (t: { ja?: string; en?: string } | undefined) => ({
  ja: t?.ja?.trim() ?? '',
  en: t?.en?.trim() ?? '',
});

/** How the line's reference is shown: 第4 2.(1) a in Japanese, 4.2.1 a in English. */
export function referenceOf(node: { id: string; displayId: string }): Bilingual {
  return { ja: displayIdIn(node, 'ja'), en: displayIdIn(node, 'en') };
}

export function requirementPrompt(node: RequirementNode): Bilingual {
  const ref = referenceOf(node);
  const title = text(node.title);
  const summary = text(node.summary);
  return {
    ja:
      `${ref.ja}「${title.ja}」について: ${summary.ja} ` +
      'この取組みがどのように行われているかを、文書・記録の確認と担当者への質問で確かめてください。',
    en:
      `${ref.en} "${title.en}": ${summary.en} ` +
      'Check how the organization does this, from its documents and records and by asking ' +
      'the people responsible.',
  };
}

export function controlPrompt(control: Control): Bilingual {
  const ref = referenceOf(control);
  const title = text(control.title);
  const summary = text(control.summary);
  return {
    ja:
      `管理策 ${ref.ja}「${title.ja}」は、適用宣言書に記載したとおりに実施され、機能していますか。` +
      `${summary.ja ? ` ${summary.ja}` : ''} 実施を示す記録を抜き取りで確認してください。`,
    en:
      `Control ${ref.en} "${title.en}": is it implemented as the Statement of Applicability ` +
      `says, and does it work?${summary.en ? ` ${summary.en}` : ''} Sample the records that ` +
      'show it in operation.',
  };
}
