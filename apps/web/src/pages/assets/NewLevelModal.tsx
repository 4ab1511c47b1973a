import {
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateClassification, type ClassificationLevel } from '../../api/assets';
import { ProblemDetails } from '../../components/ProblemDetails';
import { problemFields } from '../../lib/problemFields';

/**
 * Adds a level to the organization's classification scheme. Names in both
 * languages; the rank orders the levels (higher is more sensitive). Handling
 * rules are written afterwards, on the level's card.
 */
export function NewLevelModal({
  levels,
  onClose,
}: {
  levels: ClassificationLevel[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateClassification();
  const [code, setCode] = useState('');
  const [ja, setJa] = useState('');
  const [en, setEn] = useState('');
  const [rank, setRank] = useState<number>(Math.max(0, ...levels.map((l) => l.rank)) + 1);
  const [description, setDescription] = useState({ ja: '', en: '' });
  const nameLabel = (locale: 'ja' | 'en') =>
    `${t('classifications.create.name')} (${t(`language.${locale}`)})`;
  const descriptionLabel = (locale: 'ja' | 'en') =>
    `${t('classifications.create.description')} (${t(`language.${locale}`)})`;
  const problem = problemFields(create.error, {
    code: t('classifications.create.code'),
    rank: t('classifications.create.rank'),
    'name.ja': nameLabel('ja'),
    'name.en': nameLabel('en'),
    'description.ja': descriptionLabel('ja'),
    'description.en': descriptionLabel('en'),
  });
  const fieldError = problem.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { code: code.trim(), name: { ja: ja.trim(), en: en.trim() }, rank, description },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('classifications.create.title')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <ProblemDetails error={create.error} fields={problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('classifications.create.code')}
              description={t('classifications.create.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fieldError('code')}
              required
              maxLength={64}
            />
            <NumberInput
              label={t('classifications.create.rank')}
              description={t('classifications.create.rankHint')}
              value={rank}
              onChange={(v) => setRank(typeof v === 'number' ? v : Number(v) || 0)}
              error={fieldError('rank')}
              min={0}
              max={1000}
              allowDecimal={false}
              required
            />
            <TextInput
              label={nameLabel('ja')}
              value={ja}
              onChange={(e) => setJa(e.currentTarget.value)}
              error={fieldError('name.ja')}
              required
              maxLength={100}
            />
            <TextInput
              label={nameLabel('en')}
              value={en}
              onChange={(e) => setEn(e.currentTarget.value)}
              error={fieldError('name.en')}
              required
              maxLength={100}
            />
            {(['ja', 'en'] as const).map((locale) => (
              <Textarea
                key={locale}
                label={descriptionLabel(locale)}
                value={description[locale]}
                error={fieldError(`description.${locale}`)}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setDescription((d) => ({ ...d, [locale]: value }));
                }}
                autosize
                minRows={2}
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('classifications.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
