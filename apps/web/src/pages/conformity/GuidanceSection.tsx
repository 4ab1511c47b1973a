import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized, type ConformityItem } from '../../api/conformity';

/**
 * How an item can be met and the page where it is recorded: shown for every
 * status, so a met item still says what keeps it met.
 */
export function GuidanceSection({ guidance }: { guidance: ConformityItem['guidance'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4} component="section" aria-labelledby="conformity-guidance" data-testid="guidance">
      <Title order={3} fz="md" id="conformity-guidance">
        {t('conformity.guidance.title')}
      </Title>
      <Text fz="sm">{localized(guidance.text, i18n.language)}</Text>
      <GuidanceLink guidance={guidance} />
    </Stack>
  );
}

/** The link to the page where the item's evidence is recorded. */
export function GuidanceLink({ guidance }: { guidance: ConformityItem['guidance'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <IconRoute size={16} color="var(--mantine-color-blue-7)" aria-hidden="true" />
      <Anchor component={Link} to={guidance.path} fz="sm">
        {t('conformity.guidance.where', { path: guidance.path })}
      </Anchor>
    </Group>
  );
}
