import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** One free-form entry being edited: its name and its text. */
export interface EntryPair {
  name: string;
  value: string;
}

// The server's limits on free-form entries (packages/contracts records.ts).
export const MAX_NAME = 100;
export const MAX_VALUE = 10_000;
export const MAX_ENTRIES = 100;

/** The pairs a form starts from: the stored entries in their order. */
export const toPairs = (entries: Record<string, string> = {}): EntryPair[] =>
  Object.entries(entries).map(([name, value]) => ({ name, value }));

const blank = (p: EntryPair) => !p.name.trim() && !p.value.trim();

/** What is sent: names trimmed, rows left entirely blank dropped. */
export const pairsToEntries = (pairs: EntryPair[]): Record<string, string> =>
  Object.fromEntries(pairs.filter((p) => !blank(p)).map((p) => [p.name.trim(), p.value]));

type Problem = 'required' | 'duplicate' | 'nameTooLong' | 'valueTooLong';

/**
 * What is wrong with each row before the server is asked: a name missing,
 * used twice (trimmed) or too long, a value too long. Blank rows are ignored.
 */
export function pairProblems(pairs: EntryPair[]): { name?: Problem; value?: Problem }[] {
  const counts = new Map<string, number>();
  for (const p of pairs) {
    const name = p.name.trim();
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return pairs.map((p) => {
    if (blank(p)) return {};
    const name = p.name.trim();
    return {
      name: !name
        ? 'required'
        : name.length > MAX_NAME
          ? 'nameTooLong'
          : (counts.get(name) ?? 0) > 1
            ? 'duplicate'
            : undefined,
      value: p.value.length > MAX_VALUE ? 'valueTooLong' : undefined,
    };
  });
}

/** Whether the pairs may be sent: no row has a problem and there are not too many. */
export const pairsValid = (pairs: EntryPair[]) =>
  pairs.filter((p) => !blank(p)).length <= MAX_ENTRIES &&
  pairProblems(pairs).every((p) => !p.name && !p.value);

/**
 * Free-form entries of a record whose type defines no fields: rows of name
 * and text, added and removed. `touched` shows the rows' problems;
 * `error(name)` gives the server's refusal of `entries.<name>`.
 */
export function FreeEntries({
  pairs,
  onChange,
  touched,
  error,
}: {
  pairs: EntryPair[];
  onChange: (pairs: EntryPair[]) => void;
  touched: boolean;
  error: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const problems = touched ? pairProblems(pairs) : [];
  const message = (problem: Problem | undefined) =>
    problem === undefined
      ? undefined
      : problem === 'required'
        ? t('records.form.required')
        : problem === 'duplicate'
          ? t('records.freeEntries.duplicate')
          : t('records.freeEntries.tooLong', {
              max: problem === 'nameTooLong' ? MAX_NAME : MAX_VALUE,
            });
  const set = (i: number, patch: Partial<EntryPair>) =>
    onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Stack gap="xs" role="group" aria-label={t('records.freeEntries.title')}>
      <Text fw={600} fz="sm">
        {t('records.freeEntries.title')}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('records.freeEntries.hint')}
      </Text>
      {pairs.map((pair, i) => {
        const n = i + 1;
        return (
          <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
            <TextInput
              style={{ flex: 1 }}
              label={t('records.freeEntries.name', { n })}
              value={pair.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              error={message(problems[i]?.name) ?? error(pair.name.trim())}
            />
            <Textarea
              style={{ flex: 2 }}
              label={t('records.freeEntries.value', { n })}
              value={pair.value}
              onChange={(e) => set(i, { value: e.currentTarget.value })}
              error={message(problems[i]?.value)}
              autosize
              minRows={1}
            />
            <ActionIcon
              mt={26}
              variant="subtle"
              color="red"
              aria-label={t('records.freeEntries.remove', { n })}
              onClick={() => onChange(pairs.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          disabled={pairs.length >= MAX_ENTRIES}
          onClick={() => onChange([...pairs, { name: '', value: '' }])}
        >
          {t('records.freeEntries.add')}
        </Button>
        {pairs.length >= MAX_ENTRIES && (
          <Text fz="xs" c="dimmed">
            {t('records.freeEntries.tooMany', { max: MAX_ENTRIES })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
