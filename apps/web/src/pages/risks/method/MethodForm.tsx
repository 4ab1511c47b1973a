import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  List,
  NumberInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client';
import { LoadingRows } from '../../../components/QueryStates';
import { ProblemDetails } from '../../../components/ProblemDetails';
import { problemFields, type FieldLabels } from '../../../lib/problemFields';
import {
  useMethodPreview,
  useSaveMethod,
  useSubmitMethod,
  type RiskMethodDefinition,
  type RiskMethodDto,
} from '../api/methods';
import { BandsEditor } from './BandsEditor';
import { GridEditor } from './GridEditor';
import { BandLegend, MatrixPreview } from './MatrixPreview';
import { SCALE_KEYS, scalesUsedBy, withFormula, withScale, type ScaleKey } from './methodForm';
import { ScaleEditor } from './ScaleEditor';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** The parts of a method as a refused save names them (`definition.bands`), with their labels. */
export function methodFieldLabels(typedT: TFunction): FieldLabels {
  const t = typedT as unknown as LooseT;
  return {
    name: t('risks.method.name'),
    'definition.formula': t('risks.method.formula'),
    'definition.derivation': t('risks.method.derivation'),
    ...Object.fromEntries(
      SCALE_KEYS.map((key) => [`definition.${key}`, t(`risks.method.fields.${key}`)]),
    ),
    'definition.bands': t('risks.method.sections.levels'),
    'definition.acceptableLevel': t('risks.method.acceptableLevel'),
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="lg" shadow="xs" component="section">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** A version of the method: edited in place while a draft, read-only once submitted. */
export function MethodForm({ method, editable }: { method: RiskMethodDto; editable: boolean }) {
  const { t: typedT } = useTranslation();
  const t = typedT as unknown as LooseT;
  const [name, setName] = useState(method.name);
  const [definition, setDefinition] = useState<RiskMethodDefinition>(method.definition);
  const [debounced] = useDebouncedValue(definition, 300);
  const preview = useMethodPreview(debounced);
  const save = useSaveMethod();
  const submit = useSubmitMethod();
  const dirty =
    name !== method.name || JSON.stringify(definition) !== JSON.stringify(method.definition);
  const stale = isApiError(save.error) && save.error.status === 412;
  const problems = preview.data?.problems ?? [];
  const used = scalesUsedBy(definition.formula.kind);
  const readOnly = !editable;

  const problemText = (p: { field: string; code: string }) =>
    t(`risks.method.problems.${p.code}`, {
      field: t(`risks.method.fields.${p.field.split('.')[0]}`),
    });
  // A refused save names `definition.<part>`: each part shows on its editor.
  const labels = methodFieldLabels(typedT);
  const saved = problemFields(
    save.error,
    labels,
    Object.keys(labels).flatMap((field) => [field, `${field}.**`]),
  );
  const fieldProblem = (field: string) => {
    const found = problems.find((p) => p.field === field || p.field.startsWith(`${field}.`));
    return found ? problemText(found) : saved.error(`definition.${field}`);
  };

  function onSave(event: FormEvent) {
    event.preventDefault();
    save.mutate({ method, body: { name: name.trim(), definition } });
  }

  const scaleTitle = (key: ScaleKey) => t(`risks.method.fields.${key}`);
  const scaleHint = (key: ScaleKey) => t(`risks.method.hints.${key}`);

  return (
    <form onSubmit={onSave} aria-label={t('risks.method.formLabel')}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {stale ? (
              <Alert
                color="orange"
                role="alert"
                icon={<IconAlertTriangle size={18} aria-hidden="true" />}
                title={t('risks.method.staleTitle')}
              >
                {t('risks.method.staleBody')}
              </Alert>
            ) : (
              save.error && <ProblemDetails error={save.error} fields={saved} />
            )}
            {submit.error ? <ProblemDetails error={submit.error} /> : null}
            <Section title={t('risks.method.sections.formula')}>
              <TextInput
                label={t('risks.method.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={saved.error('name')}
                readOnly={readOnly}
                required
                maxLength={200}
              />
              <Radio.Group
                label={t('risks.method.formula')}
                value={definition.formula.kind}
                error={saved.error('definition.formula')}
                onChange={(kind) =>
                  setDefinition((d) =>
                    withFormula(d, kind as RiskMethodDefinition['formula']['kind']),
                  )
                }
                readOnly={readOnly}
              >
                <Stack gap="xs" mt={6}>
                  {(['multiplicative', 'additive', 'likelihood_impact'] as const).map((kind) => (
                    <Radio
                      key={kind}
                      value={kind}
                      disabled={readOnly && definition.formula.kind !== kind}
                      label={t(`risks.method.formulas.${kind}.label`)}
                      description={t(`risks.method.formulas.${kind}.description`)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              {definition.formula.kind !== 'likelihood_impact' && (
                <Radio.Group
                  label={t('risks.method.derivation')}
                  value={definition.derivation}
                  onChange={(derivation) =>
                    setDefinition((d) => ({
                      ...d,
                      derivation: derivation as RiskMethodDefinition['derivation'],
                    }))
                  }
                  readOnly={readOnly}
                >
                  <Stack gap="xs" mt={6}>
                    {(['max', 'sum', 'per_property'] as const).map((kind) => (
                      <Radio
                        key={kind}
                        value={kind}
                        disabled={readOnly && definition.derivation !== kind}
                        label={t(`risks.method.derivations.${kind}.label`)}
                        description={t(`risks.method.derivations.${kind}.description`)}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            </Section>
            <Section title={t('risks.method.sections.scales')}>
              {[...SCALE_KEYS]
                .sort((a, b) => Number(used.includes(b)) - Number(used.includes(a)))
                .map((key) => (
                  <ScaleEditor
                    key={key}
                    title={scaleTitle(key)}
                    hint={scaleHint(key)}
                    scale={definition[key]}
                    onChange={(scale) => setDefinition((d) => withScale(d, key, scale))}
                    readOnly={readOnly}
                    used={used.includes(key)}
                    error={fieldProblem(key)}
                  />
                ))}
            </Section>
            {definition.formula.kind === 'likelihood_impact' && (
              <Section title={t('risks.method.gridTitle')}>
                <Text fz="sm" c="dimmed">
                  {t('risks.method.gridHint')}
                </Text>
                <GridEditor
                  definition={definition}
                  grid={definition.formula.grid}
                  onChange={(grid) =>
                    setDefinition((d) => ({ ...d, formula: { kind: 'likelihood_impact', grid } }))
                  }
                  readOnly={readOnly}
                  preview={preview.data}
                />
              </Section>
            )}
            <Section title={t('risks.method.sections.levels')}>
              <BandsEditor
                bands={definition.bands}
                onChange={(bands) => setDefinition((d) => ({ ...d, bands }))}
                readOnly={readOnly}
                error={fieldProblem('bands')}
              />
              <NumberInput
                label={t('risks.method.acceptableLevel')}
                description={t('risks.method.acceptableHint')}
                value={definition.acceptableLevel}
                min={0}
                allowDecimal={false}
                onChange={(v) =>
                  setDefinition((d) => ({ ...d, acceptableLevel: typeof v === 'number' ? v : 0 }))
                }
                readOnly={readOnly}
                error={fieldProblem('acceptableLevel')}
                maw={260}
              />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card
            withBorder
            radius="lg"
            shadow="xs"
            component="section"
            aria-labelledby="risk-method-preview"
            style={{ position: 'sticky', top: 16 }}
          >
            <Stack gap="sm">
              <Title order={2} fz="md" id="risk-method-preview">
                {t('risks.method.previewTitle')}
              </Title>
              <Text fz="xs" c="dimmed">
                {t('risks.method.previewHint')}
              </Text>
              {problems.length > 0 && (
                <Alert color="orange" title={t('risks.method.problemsTitle')} role="status">
                  <List size="sm">
                    {problems.map((p, i) => (
                      <List.Item key={i}>{problemText(p)}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {preview.isPending ? (
                <LoadingRows rows={4} />
              ) : preview.isError ? (
                <ProblemDetails error={preview.error} />
              ) : preview.data && preview.data.cells.length > 0 ? (
                <MatrixPreview preview={preview.data} definition={debounced} />
              ) : null}
              <BandLegend bands={definition.bands} acceptableLevel={definition.acceptableLevel} />
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      {editable && (
        <Group justify="flex-end" mt="lg">
          {dirty && (
            <Text fz="sm" c="dimmed">
              {t('risks.method.unsaved')}
            </Text>
          )}
          <Button
            variant="default"
            leftSection={<IconSend size={16} aria-hidden="true" />}
            loading={submit.isPending}
            disabled={dirty || problems.length > 0}
            onClick={() => submit.mutate(method)}
          >
            {t('risks.method.submit')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={stale || !dirty}>
            {t('risks.method.saveDraft')}
          </Button>
        </Group>
      )}
    </form>
  );
}
