import { Badge, Box, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApprovalSummary } from '../../api/approvals';
import { inLang } from './lang';

type Changes = NonNullable<ApprovalSummary['changes']>;
type FieldChange = Extract<Changes, { kind: 'fields' }>['items'][number];

const KIND_COLOR = { added: 'teal', changed: 'blue', removed: 'red' } as const;

function FieldTable({ items, label }: { items: FieldChange[]; label: string }) {
  const { t, i18n } = useTranslation();
  const text = (v: { ja: string; en: string }) => inLang(v, i18n.language) || '—';
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table fz="sm" verticalSpacing={4} aria-label={label} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="28%">{t('approvalSummary.changes.field')}</Table.Th>
            <Table.Th>{t('approvalSummary.changes.before')}</Table.Th>
            <Table.Th>{t('approvalSummary.changes.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c, i) => (
            <Table.Tr key={i}>
              <Table.Td>{inLang(c.label, i18n.language)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                <del>{text(c.before)}</del>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                <ins>{text(c.after)}</ins>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A line diff: removed lines struck through on red, added ones on green. */
function TextDiff({ changes }: { changes: Extract<Changes, { kind: 'text' }> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fz="xs" c="dimmed">
        {t('approvalSummary.changes.lines', { added: changes.added, removed: changes.removed })}
      </Text>
      <Box
        component="pre"
        fz="xs"
        m={0}
        p="xs"
        mah={320}
        style={{
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
        tabIndex={0}
        aria-label={t('approvalSummary.changes.title')}
      >
        {changes.parts.map((part, i) =>
          part.op === 'add' ? (
            <ins key={i} style={{ background: 'var(--mantine-color-teal-0)', display: 'block' }}>
              {part.text}
            </ins>
          ) : part.op === 'remove' ? (
            <del key={i} style={{ background: 'var(--mantine-color-red-0)', display: 'block' }}>
              {part.text}
            </del>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </Box>
    </Stack>
  );
}

/** What changed since the last approved version, as fields, controls or lines. */
export function ChangesView({ changes }: { changes: Changes }) {
  const { t, i18n } = useTranslation();
  const heading = changes.baseline
    ? t('approvalSummary.changes.since', { number: changes.baseline.number })
    : t('approvalSummary.changes.first');
  const empty =
    (changes.kind === 'fields' || changes.kind === 'entries') && changes.items.length === 0;
  const ja = i18n.language.startsWith('ja');
  return (
    <Stack gap={4}>
      <Title order={3} fz="sm">
        {heading}
      </Title>
      {empty ? (
        <Text fz="sm" c="dimmed">
          {t('approvalSummary.changes.none')}
        </Text>
      ) : changes.kind === 'fields' ? (
        <FieldTable items={changes.items} label={heading} />
      ) : changes.kind === 'text' ? (
        <TextDiff changes={changes} />
      ) : (
        <Stack gap="xs">
          {changes.items.map((entry) => (
            <Stack key={entry.controlId} gap={2}>
              <Group gap="xs">
                <Text fz="sm" fw={600}>
                  {ja ? entry.displayId : entry.controlId}
                </Text>
                <Badge size="xs" variant="light" color={KIND_COLOR[entry.kind]} tt="none">
                  {t(`approvalSummary.changes.kinds.${entry.kind}`)}
                </Badge>
              </Group>
              {entry.fields.length > 0 && (
                <FieldTable
                  items={entry.fields}
                  label={`${heading}: ${ja ? entry.displayId : entry.controlId}`}
                />
              )}
            </Stack>
          ))}
          {changes.more > 0 && (
            <Text fz="xs" c="dimmed">
              {t('approvalSummary.more', { count: changes.more })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
