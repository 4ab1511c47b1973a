import { Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconServer } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export const MIN_PASSWORD_LENGTH = 12;

export interface PersonalContext {
  email?: string | undefined;
  displayName?: string | undefined;
  organizationName?: string | undefined;
}

/**
 * A quick mirror of the server's rule that a password must not contain the
 * user's, the organization's or the product's names (the server also catches
 * l33t spellings and reversals, on submit).
 */
export function containsPersonal(password: string, context: PersonalContext) {
  const lower = password.toLowerCase();
  return [context.email?.split('@')[0], context.displayName, context.organizationName, 'mamoru']
    .filter((s): s is string => Boolean(s))
    .flatMap((s) => [s.replace(/\s+/g, ''), ...s.split(/[\s._+-]+/u)])
    .filter((s) => [...s].length >= 4)
    .some((s) => lower.includes(s.toLowerCase()));
}

/**
 * The password rules, ticked off while typing. How guessable a password is,
 * is estimated by the server (zxcvbn-ts), on submit.
 */
export function PasswordRules({
  id,
  password,
  ...context
}: { id: string; password: string } & PersonalContext) {
  const { t } = useTranslation();
  const longEnough = [...password].length >= MIN_PASSWORD_LENGTH;
  const personal = password.length > 0 && containsPersonal(password, context);
  const rules = [
    {
      key: 'length',
      met: longEnough,
      text: t('passwordRules.length', { min: MIN_PASSWORD_LENGTH }),
    },
    { key: 'personal', met: password.length > 0 && !personal, text: t('passwordRules.personal') },
    { key: 'common', met: null, text: t('passwordRules.common') },
  ];
  return (
    <div id={id}>
      <Text fz="xs" fw={600} c="dimmed" mb={6}>
        {t('passwordRules.title')}
      </Text>
      <List spacing={4} size="sm" center>
        {rules.map((rule) => (
          <List.Item
            key={rule.key}
            data-met={rule.met === true ? 'true' : 'false'}
            icon={
              <ThemeIcon
                size={18}
                radius="xl"
                variant={rule.met ? 'filled' : 'light'}
                color={rule.met ? 'teal.7' : 'gray'}
                aria-hidden="true"
              >
                {rule.met === null ? (
                  <IconServer size={11} />
                ) : rule.met ? (
                  <IconCheck size={12} />
                ) : (
                  <IconCircleDashed size={12} />
                )}
              </ThemeIcon>
            }
          >
            <Group gap={6} wrap="nowrap">
              <Text fz="sm" c={rule.met ? 'teal.9' : 'gray.7'}>
                {rule.text}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
