import { useQuery } from '@tanstack/react-query';
import type {
  ConformityItem,
  ConformityReport,
  ConformityStatus,
  LocalizedText,
} from '@mamoru/contracts';
import { api } from './client';

export type { ConformityItem, ConformityReport, ConformityStatus };

export const conformityKey = ['conformity'] as const;

/** Every requirement item evaluated; refetched on focus so fixes show up on return. */
export function useConformity(enabled = true) {
  return useQuery({
    queryKey: conformityKey,
    queryFn: ({ signal }) => api.get<ConformityReport>('/api/v1/conformity', { signal }),
    enabled,
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

/** The readiness report as a download (the session cookie authorizes it). */
export function conformityExportUrl(format: 'xlsx' | 'pdf', lang: 'ja' | 'en') {
  return `/api/v1/conformity/export?format=${format}&lang=${lang}`;
}

/** The text of a ja/en pair in the UI language. */
export function localized(text: LocalizedText, language: string) {
  return language.toLowerCase().startsWith('ja') ? text.ja : text.en;
}
