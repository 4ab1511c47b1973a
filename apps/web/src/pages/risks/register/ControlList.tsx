import { ActionIcon, Badge, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CatalogSelect } from '../../../components/catalogPicker/CatalogPicker';
import { textIn } from '../../../lib/catalogText';
import { useControlIndex } from '../api/controls';
import { displayIdIn } from '@mamoru/contracts';

export interface ControlChoice {
  controlId: string;
  justification: string;
}

/**
 * Catalog controls chosen for a risk, each with the reason it applies; picked
 * from the annex by ID or title, with the threat's usual controls offered first.
 */
export function ControlList({
  label,
  value,
  onChange,
  suggested = [],
  readOnly,
  justificationLabel,
  justificationError,
}: {
  label: string;
  value: ControlChoice[];
  onChange: (value: ControlChoice[]) => void;
  suggested?: readonly string[];
  readOnly: boolean;
  justificationLabel: string;
  /** The server's message for the justification of the i-th control, if it refused it. */
  justificationError?: (index: number) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { index } = useControlIndex();
  const chosen = new Set(value.map((c) => c.controlId));
  const title = (id: string) => {
    const ref = index.get(id);
    return ref ? `${displayIdIn(ref, i18n.language)} ${textIn(ref.title, i18n.language)}` : id;
  };
  const add = (id: string | null) => {
    if (id && !chosen.has(id)) onChange([...value, { controlId: id, justification: '' }]);
  };
  const open = suggested.filter((id) => !chosen.has(id));

  return (
    <Stack gap="xs">
      <Text fw={600} fz="sm">
        {label}
      </Text>
      {value.length > 0 ? (
        <Table withRowBorders={false} verticalSpacing={4} aria-label={label}>
          <Table.Tbody>
            {value.map((control, i) => (
              <Table.Tr key={control.controlId}>
                <Table.Td w="45%" fz="sm">
                  <Text span ff="monospace" fz="xs" mr={6}>
                    {control.controlId}
                  </Text>
                  {title(control.controlId)}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`${justificationLabel}: ${control.controlId}`}
                    placeholder={justificationLabel}
                    value={control.justification}
                    error={justificationError?.(i)}
                    onChange={(e) =>
                      onChange(
                        value.map((c, j) =>
                          j === i ? { ...c, justification: e.currentTarget.value } : c,
                        ),
                      )
                    }
                    readOnly={readOnly}
                    maxLength={2000}
                  />
                </Table.Td>
                {!readOnly && (
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('risks.controls.remove', { control: control.controlId })}
                      onClick={() => onChange(value.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('risks.controls.none')}
        </Text>
      )}
      {!readOnly && (
        <>
          <CatalogSelect
            namespace="control"
            aria-label={t('risks.controls.add', { list: label })}
            placeholder={t('risks.controls.addPlaceholder')}
            value={null}
            onChange={add}
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            size="xs"
          />
          {open.length > 0 && (
            <Group gap={6}>
              <Text fz="xs" c="dimmed">
                {t('risks.controls.suggested')}
              </Text>
              {open.map((id) => (
                <Badge
                  key={id}
                  component="button"
                  type="button"
                  variant="outline"
                  tt="none"
                  style={{ cursor: 'pointer' }}
                  onClick={() => add(id)}
                  title={title(id)}
                >
                  {t('risks.controls.addOne', { control: id })}
                </Badge>
              ))}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
