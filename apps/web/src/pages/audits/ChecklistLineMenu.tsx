import { ActionIcon, Menu } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconDotsVertical,
  IconEdit,
  IconListCheck,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** What can be done with one checklist line: answer it (the team), or shape it. */
export function ChecklistLineMenu({
  label,
  answerable,
  shapeable,
  first,
  last,
  onRecord,
  onReword,
  onMove,
  onRemove,
}: {
  label: string;
  answerable: boolean;
  shapeable: boolean;
  first: boolean;
  last: boolean;
  onRecord: () => void;
  onReword: () => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={label}>
          <IconDotsVertical size={16} aria-hidden="true" />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {answerable && (
          <Menu.Item
            leftSection={<IconListCheck size={14} aria-hidden="true" />}
            onClick={onRecord}
          >
            {t('auditChecklist.checklist.record')}
          </Menu.Item>
        )}
        {shapeable && (
          <>
            <Menu.Item leftSection={<IconEdit size={14} aria-hidden="true" />} onClick={onReword}>
              {t('auditChecklist.checklist.reword')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconArrowUp size={14} aria-hidden="true" />}
              disabled={first}
              onClick={() => onMove(-1)}
            >
              {t('auditChecklist.checklist.moveUp')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconArrowDown size={14} aria-hidden="true" />}
              disabled={last}
              onClick={() => onMove(1)}
            >
              {t('auditChecklist.checklist.moveDown')}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} aria-hidden="true" />}
              onClick={onRemove}
            >
              {t('auditChecklist.checklist.remove')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
