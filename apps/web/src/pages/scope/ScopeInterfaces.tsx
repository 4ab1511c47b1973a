import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface ScopeInterface {
  name: string;
  description: string;
}

/**
 * The interfaces of the scope: what crosses its boundary (a cloud service, an
 * outsourced data centre, the parent company's network) and how.
 */
export function ScopeInterfaces({
  items,
  onChange,
  editable,
}: {
  items: ScopeInterface[];
  onChange: (items: ScopeInterface[]) => void;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<ScopeInterface>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        {t('scope.interfaces.hint')}
      </Text>
      {items.length === 0 && !editable && (
        <Text fz="sm" c="dimmed">
          {t('scope.interfaces.none')}
        </Text>
      )}
      {items.map((item, index) => (
        <Group
          key={index}
          align="flex-start"
          wrap="nowrap"
          role="group"
          aria-label={t('scope.interfaces.item', { number: index + 1 })}
        >
          <TextInput
            label={t('scope.interfaces.name')}
            value={item.name}
            onChange={(e) => set(index, { name: e.currentTarget.value })}
            readOnly={!editable}
            required={editable}
            maxLength={200}
            w={240}
          />
          <Textarea
            label={t('scope.interfaces.description')}
            value={item.description}
            onChange={(e) => set(index, { description: e.currentTarget.value })}
            readOnly={!editable}
            autosize
            minRows={1}
            style={{ flex: 1 }}
          />
          {editable && (
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('scope.interfaces.remove', { number: index + 1 })}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          )}
        </Group>
      ))}
      {editable && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => onChange([...items, { name: '', description: '' }])}
          >
            {t('scope.interfaces.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
