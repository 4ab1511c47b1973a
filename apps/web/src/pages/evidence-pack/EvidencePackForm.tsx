import { Alert, Button, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { IconPackageExport } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemDetails } from '../../components/ProblemDetails';
import { SectionCard } from '../../components/SectionCard';
import { problemFields } from '../../lib/problemFields';
import { useAuditChoices, useStartEvidencePack } from './api';

type Basis = 'date' | 'audit';
type Lang = 'ja' | 'en';

/** Start a pack: as of a day or an internal audit, in Japanese or English. */
export function EvidencePackForm() {
  const { t, i18n } = useTranslation();
  const [basis, setBasis] = useState<Basis>('date');
  const [asOf, setAsOf] = useState('');
  const [auditId, setAuditId] = useState<string | null>(null);
  const [lang, setLang] = useState<Lang>(i18n.language === 'ja' ? 'ja' : 'en');
  const audits = useAuditChoices(basis === 'audit');
  const start = useStartEvidencePack();
  const fields = problemFields(start.error, {
    asOf: t('evidencePack.form.asOf'),
    auditId: t('evidencePack.form.audit'),
    lang: t('evidencePack.form.lang'),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({
      lang,
      ...(basis === 'date' && asOf ? { asOf } : {}),
      ...(basis === 'audit' && auditId ? { auditId } : {}),
    });
  };

  return (
    <SectionCard id="evidence-pack-form" title={t('evidencePack.form.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SegmentedControl
            aria-label={t('evidencePack.form.basis')}
            value={basis}
            onChange={(value) => setBasis(value as Basis)}
            data={[
              { value: 'date', label: t('evidencePack.form.basisDate') },
              { value: 'audit', label: t('evidencePack.form.basisAudit') },
            ]}
            w="fit-content"
          />
          {basis === 'date' ? (
            <TextInput
              type="date"
              label={t('evidencePack.form.asOf')}
              description={t('evidencePack.form.asOfHint')}
              value={asOf}
              onChange={(event) => setAsOf(event.currentTarget.value)}
              error={fields.error('asOf')}
              maw={260}
            />
          ) : (
            <Select
              label={t('evidencePack.form.audit')}
              description={t('evidencePack.form.auditHint')}
              placeholder={t('evidencePack.form.auditPlaceholder')}
              data={(audits.data ?? []).map((a) => ({
                value: a.id,
                label: `${a.code} ${a.title}`,
              }))}
              value={auditId}
              onChange={setAuditId}
              error={fields.error('auditId')}
              searchable
              required
              maw={520}
            />
          )}
          <SegmentedControl
            aria-label={t('evidencePack.form.lang')}
            value={lang}
            onChange={(value) => setLang(value as Lang)}
            data={[
              { value: 'ja', label: t('evidencePack.langs.ja') },
              { value: 'en', label: t('evidencePack.langs.en') },
            ]}
            w="fit-content"
          />
          <ProblemDetails error={start.error} fields={fields} />
          {start.isSuccess && (
            <Alert color="teal" variant="light" role="status">
              {t('evidencePack.form.started')}
            </Alert>
          )}
          <Group>
            <Button
              type="submit"
              loading={start.isPending}
              disabled={basis === 'audit' && !auditId}
              leftSection={<IconPackageExport size={16} aria-hidden="true" />}
            >
              {t('evidencePack.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
