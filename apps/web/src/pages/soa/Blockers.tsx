import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SoaValidation } from './api';
import { controlIdIn } from '../../lib/displayId';

/** What blocks submission, each a link that opens the control's entry. */
export function Blockers({ validation }: { validation: SoaValidation }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  // Keeps the other parameters (which statement is shown) while opening a control.
  const linkTo = (controlId: string) => {
    const next = new URLSearchParams(params);
    next.set('control', controlId);
    return `?${next.toString()}`;
  };
  if (validation.ok) {
    return (
      <Alert color="teal" variant="light">
        {t('soa.blockers.none')}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        {t('soa.blockers.intro')}
      </Text>
      <List spacing={4} aria-label={t('soa.tabs.blockers', { count: validation.blockers.length })}>
        {validation.blockers.map((b) => (
          <List.Item key={`${b.controlId}-${b.code}`}>
            <Anchor component={Link} to={linkTo(b.controlId)} fz="sm">
              <Text span fw={600} mr={6}>
                {controlIdIn(b, i18n.language)}
              </Text>
              {t(`soa.blockers.${b.code}`)}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
