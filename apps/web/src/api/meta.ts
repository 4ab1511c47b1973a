import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { versionSchema } from '@mamoru/contracts';
import { api } from './client';

export type VersionInfo = z.infer<typeof versionSchema>;

export const versionQuery = {
  queryKey: ['meta', 'version'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.get<VersionInfo>('/api/v1/version', { signal }),
};

export function useVersion() {
  return useQuery(versionQuery);
}
