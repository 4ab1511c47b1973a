import { Alert, Badge } from '@mantine/core';
import { IconArchive, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentVersion } from './api';

const versionColor: Record<DocumentVersion['status'], string> = {
  draft: 'gray',
  in_review: 'yellow',
  approved: 'blue',
  issued: 'teal',
  superseded: 'dark',
  obsolete: 'red',
};

const documentColor = { draft: 'gray', issued: 'teal', obsolete: 'red' } as const;

export function VersionBadge({
  version,
}: {
  version: Pick<DocumentVersion, 'status' | 'revision'>;
}) {
  const { t } = useTranslation();
  return (
    <Badge color={versionColor[version.status]} variant="light" tt="none">
      {t('documents.revisionStatus', {
        revision: version.revision,
        status: t(`documents.versionStatuses.${version.status}`),
      })}
    </Badge>
  );
}

export function DocumentStatusBadge({ status }: { status: keyof typeof documentColor }) {
  const { t } = useTranslation();
  return (
    <Badge color={documentColor[status]} variant="light" tt="none">
      {t(`documents.statuses.${status}`)}
    </Badge>
  );
}

/**
 * The mark every superseded or obsolete version carries wherever it is shown,
 * so an old text is never mistaken for the one in force (4.3.2.h, i).
 */
export function RetiredBanner({
  version,
}: {
  version: Pick<DocumentVersion, 'status' | 'revision' | 'withdrawalReason'>;
}) {
  const { t } = useTranslation();
  if (version.status !== 'superseded' && version.status !== 'obsolete') return null;
  const superseded = version.status === 'superseded';
  return (
    <Alert
      color={superseded ? 'dark' : 'red'}
      variant="filled"
      role="note"
      icon={
        superseded ? (
          <IconHistory size={18} aria-hidden="true" />
        ) : (
          <IconArchive size={18} aria-hidden="true" />
        )
      }
      title={t(superseded ? 'documents.banner.supersededTitle' : 'documents.banner.obsoleteTitle', {
        revision: version.revision,
      })}
    >
      {superseded
        ? t('documents.banner.supersededBody')
        : t('documents.banner.obsoleteBody', { reason: version.withdrawalReason })}
    </Alert>
  );
}
