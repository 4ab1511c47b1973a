import { Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconClipboardCheck, IconEdit, IconMail, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, FormError, LoadingBlock } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { AuditConflicts } from './AuditConflicts';
import { AuditFormModal } from './AuditFormModal';
import { AuditScope } from './AuditScope';
import { AuditsNav } from './AuditsNav';
import { ChecklistPanel } from './ChecklistPanel';
import { FindingsPanel } from './FindingsPanel';
import { ReportPanel } from './ReportPanel';
import { AuditStatusBadge } from './StatusBadge';
import { TeamModal } from './TeamModal';
import { useAudit, useChangeStatus, useRecordNotice, type Audit, type AuditStatus } from './api';

/** The next step of the lifecycle offered as a button (the server checks its rules). */
const NEXT: Record<AuditStatus, Exclude<AuditStatus, 'planned'>[]> = {
  planned: ['in_progress'],
  in_progress: ['reported'],
  reported: ['follow_up', 'closed'],
  follow_up: ['closed'],
  closed: [],
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" fw={600} w={180}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

function Overview({ audit }: { audit: Audit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const manage = can('audits:manage');
  const [editing, setEditing] = useState(false);
  const [teamOpen, setTeamOpen] = useState(false);
  const notice = useRecordNotice();
  const open = audit.status !== 'closed';
  const members = audit.team.filter((m) => m.role === 'member');
  return (
    <Stack gap="lg">
      <AuditConflicts auditId={audit.id} />
      <SectionCard
        id="audit-plan"
        title={t('audits.detail.plan')}
        actions={
          manage &&
          open && (
            <Button
              variant="default"
              leftSection={<IconEdit size={16} aria-hidden="true" />}
              onClick={() => setEditing(true)}
            >
              {t('audits.detail.edit')}
            </Button>
          )
        }
      >
        <Stack gap={6}>
          <Fact label={t('audits.list.columns.period')}>
            {t('audits.detail.period', {
              start: format.date(audit.plannedStart),
              end: format.date(audit.plannedEnd),
            })}
          </Fact>
          <Fact label={t('audits.list.fiscalYear')}>
            {t('audits.detail.fiscalYear', { year: audit.fiscalYear })}
          </Fact>
          <Fact label={t('audits.fields.openingMeetingAt')}>
            {audit.openingMeetingAt
              ? format.dateTime(audit.openingMeetingAt)
              : t('audits.detail.notRecorded')}
          </Fact>
          <Fact label={t('audits.fields.closingMeetingAt')}>
            {audit.closingMeetingAt
              ? format.dateTime(audit.closingMeetingAt)
              : t('audits.detail.notRecorded')}
          </Fact>
          <Fact label={t('audits.detail.notice')}>
            {audit.notice
              ? t('audits.detail.noticeSent', {
                  date: format.dateTime(audit.notice.sentAt),
                  name: audit.notice.sentBy?.name ?? '—',
                })
              : t('audits.detail.noticeNotSent')}
          </Fact>
          {audit.notes && <Fact label={t('audits.fields.notes')}>{audit.notes}</Fact>}
          {manage && open && (
            <Group>
              <FormError error={notice.error} />
              <Button
                variant="light"
                leftSection={<IconMail size={16} aria-hidden="true" />}
                loading={notice.isPending}
                onClick={() => notice.mutate({ audit, input: null })}
              >
                {t('audits.detail.sendNotice')}
              </Button>
            </Group>
          )}
        </Stack>
      </SectionCard>
      <SectionCard id="audit-scope" title={t('audits.detail.scope')}>
        <AuditScope audit={audit} />
      </SectionCard>
      <SectionCard
        id="audit-team"
        title={t('audits.detail.team')}
        actions={
          manage &&
          open && (
            <Button
              variant="default"
              leftSection={<IconUsers size={16} aria-hidden="true" />}
              onClick={() => setTeamOpen(true)}
            >
              {t('audits.detail.editTeam')}
            </Button>
          )
        }
      >
        {audit.team.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('audits.detail.noTeam')}
          </Text>
        ) : (
          <Stack gap={6}>
            <Fact label={t('audits.detail.lead')}>{audit.leadAuditor?.name ?? '—'}</Fact>
            <Fact label={t('audits.detail.members')}>
              {members.length
                ? members.map((m) => m.user.name).join(', ')
                : t('audits.detail.none')}
            </Fact>
          </Stack>
        )}
      </SectionCard>
      {editing && <AuditFormModal audit={audit} onClose={() => setEditing(false)} />}
      {teamOpen && <TeamModal audit={audit} onClose={() => setTeamOpen(false)} />}
    </Stack>
  );
}

const TABS = ['overview', 'checklist', 'findings', 'report'] as const;
type Tab = (typeof TABS)[number];

/** One audit (個別監査): header with its status steps, then overview, checklist, findings, report. */
export function AuditPage() {
  const { t } = useTranslation();
  const { auditId = '' } = useParams();
  const { can } = useSession();
  const audit = useAudit(auditId);
  const status = useChangeStatus();
  // The tab is in the address so a link (e.g. to a finding) opens it.
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'overview';
  const setTab = (next: string | null) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next && next !== 'overview') p.set('tab', next);
        else p.delete('tab');
        p.delete('finding');
        return p;
      },
      { replace: true },
    );
  if (audit.isPending) return <LoadingBlock />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  const a = audit.data;
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={
          <Group gap="xs">
            {a.code}
            <AuditStatusBadge status={a.status} />
          </Group>
        }
        title={a.title}
        icon={<IconClipboardCheck size={32} aria-hidden="true" />}
        actions={
          can('audits:conduct') && (
            <Group gap="sm">
              {NEXT[a.status].map((to) => (
                <Button
                  key={to}
                  variant={to === 'closed' && a.status === 'reported' ? 'default' : 'filled'}
                  loading={status.isPending && status.variables?.input === to}
                  onClick={() => status.mutate({ audit: a, input: to })}
                >
                  {t(`audits.detail.statusActions.${to}`)}
                </Button>
              ))}
            </Group>
          )
        }
      />
      <AuditsNav />
      <FormError error={status.error} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`audits.detail.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Overview audit={a} />
        </Tabs.Panel>
        <Tabs.Panel value="checklist" pt="md">
          <ChecklistPanel auditId={a.id} />
        </Tabs.Panel>
        <Tabs.Panel value="findings" pt="md">
          <FindingsPanel auditId={a.id} />
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <ReportPanel auditId={a.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
