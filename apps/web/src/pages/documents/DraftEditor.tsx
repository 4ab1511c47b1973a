import {
  Alert,
  Button,
  Card,
  Group,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useToast } from '../../components/Toasts';
import {
  useIssue,
  useSaveDraft,
  useStartDraft,
  useSubmitDraft,
  type DocumentDetail,
  type DocumentVersion,
} from './api';
import { Markdown } from './Markdown';
import { VersionBadge } from './StatusBadges';
import { VersionFiles } from './VersionFiles';

const POLICY_FIELDS = [
  'objectivesFramework',
  'obligationsConsidered',
  'riskCriteriaReference',
] as const;
type PolicyFields = NonNullable<DocumentVersion['policyFields']>;

function DraftForm({ doc, draft }: { doc: DocumentDetail; draft: DocumentVersion }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [body, setBody] = useState(draft.body);
  const [summary, setSummary] = useState(draft.changeSummary);
  const [policy, setPolicy] = useState<PolicyFields>(
    draft.policyFields ?? {
      objectivesFramework: '',
      obligationsConsidered: '',
      riskCriteriaReference: '',
    },
  );
  const save = useSaveDraft();
  const submit = useSubmitDraft();
  const changes = {
    body,
    changeSummary: summary,
    ...(doc.ismsPolicy ? { policyFields: policy } : {}),
  };

  const onSave = () =>
    save.mutate(
      { documentId: doc.id, version: draft, body: changes },
      { onSuccess: () => toast.success(t('documents.draft.saved')) },
    );
  // Saves first when the text changed, so what goes for approval is what is on screen.
  const onSubmit = async () => {
    const dirty =
      body !== draft.body ||
      summary !== draft.changeSummary ||
      (doc.ismsPolicy && JSON.stringify(policy) !== JSON.stringify(draft.policyFields));
    const version = dirty
      ? await save.mutateAsync({ documentId: doc.id, version: draft, body: changes })
      : draft;
    await submit.mutateAsync({ documentId: doc.id, version });
    toast.success(t('documents.draft.submitted'));
  };

  // Saving and sending for approval both check the text and the policy's fields.
  const problem = problemFields(save.error ?? submit.error, {
    changeSummary: t('documents.draft.changeSummary'),
    body: t('documents.draft.body'),
    ...Object.fromEntries(
      POLICY_FIELDS.map((key) => [`policyFields.${key}`, t(`documents.policy.${key}`)]),
    ),
  });

  return (
    <Stack gap="md">
      {isApiError(save.error) && save.error.status === 412 && (
        <Alert color="yellow">{t('documents.draft.stale')}</Alert>
      )}
      <TextInput
        label={t('documents.draft.changeSummary')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        error={problem.error('changeSummary')}
      />
      <Tabs defaultValue="edit">
        <Tabs.List>
          <Tabs.Tab value="edit">{t('documents.draft.edit')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('documents.draft.preview')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit" pt="sm">
          <Textarea
            label={t('documents.draft.body')}
            description={t('documents.form.bodyHint')}
            autosize
            minRows={12}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={problem.error('body')}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="sm">
          <Card withBorder>
            <Markdown text={body} />
          </Card>
        </Tabs.Panel>
      </Tabs>
      {doc.ismsPolicy && (
        <Card withBorder radius="lg">
          <Stack gap="sm">
            <Title order={3} fz="md">
              {t('documents.policy.heading')}
            </Title>
            {POLICY_FIELDS.map((key) => (
              <Textarea
                key={key}
                required
                label={t(`documents.policy.${key}`)}
                autosize
                minRows={2}
                value={policy[key]}
                error={problem.error(`policyFields.${key}`)}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setPolicy((p) => ({ ...p, [key]: value }));
                }}
              />
            ))}
          </Stack>
        </Card>
      )}
      <VersionFiles documentId={draft.documentId} versionId={draft.id} editable />
      <FormError error={save.error ?? submit.error} extra={problem.unplaced.map(unplacedText)} />
      <Group>
        <Button
          variant="default"
          leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
          loading={save.isPending}
          onClick={onSave}
        >
          {t('documents.draft.save')}
        </Button>
        <Button
          leftSection={<IconSend size={16} aria-hidden="true" />}
          loading={submit.isPending}
          onClick={() => void onSubmit().catch(() => undefined)}
        >
          {t('documents.draft.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The version being worked on: edit and submit a draft, issue an approved one, or start one. */
export function DraftEditor({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const toast = useToast();
  const start = useStartDraft();
  const issue = useIssue();
  const working = doc.working;
  if (!working) {
    return (
      <Card withBorder radius="lg">
        <Stack gap="sm" align="flex-start">
          <Text>{t('documents.draft.none')}</Text>
          <Button onClick={() => start.mutate(doc.id)} loading={start.isPending}>
            {t('documents.draft.start')}
          </Button>
          <FormError error={start.error} />
        </Stack>
      </Card>
    );
  }
  return (
    <Card withBorder radius="lg" shadow="xs">
      <Stack gap="md">
        <Group gap="sm">
          <VersionBadge version={working} />
        </Group>
        {working.status === 'draft' && (
          <DraftForm key={working.version} doc={doc} draft={working} />
        )}
        {working.status === 'in_review' && (
          <Alert color="yellow">{t('documents.draft.inReview')}</Alert>
        )}
        {working.status === 'approved' && (
          <Alert color="blue" title={t('documents.draft.approvedTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text fz="sm">{t('documents.draft.approvedBody')}</Text>
              <Button
                leftSection={<IconCheck size={16} aria-hidden="true" />}
                loading={issue.isPending}
                onClick={() =>
                  issue.mutate(
                    { documentId: doc.id, versionId: working.id },
                    { onSuccess: () => toast.success(t('documents.draft.issued')) },
                  )
                }
              >
                {t('documents.draft.issue')}
              </Button>
              <FormError error={issue.error} />
            </Stack>
          </Alert>
        )}
        {working.status !== 'draft' && <Markdown text={working.body} />}
      </Stack>
    </Card>
  );
}
