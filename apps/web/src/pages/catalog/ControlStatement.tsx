// An imported control as its OSCAL catalog states it: statement items as a
// nested list with their labels (a., 1., …), parameter insertions as visible
// placeholders, guidance, and the control's links.
import { Anchor, Code, List, Stack, Text } from '@mantine/core';
import type { CatalogLink, CatalogParam, CatalogPart } from '@mamoru/contracts';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickText, useCatalogLanguage } from '../../lib/catalogText';
import { LocalizedText } from './LocalizedText';
import { controlPath } from './ControlTree';
import classes from './ControlStatement.module.css';

const INSERT = /\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g;
// A choice may insert another param; a cycle must not recurse forever.
const MAX_DEPTH = 4;

type Params = ReadonlyMap<string, CatalogParam>;

/** One `{{ insert: param, id }}`: its values, else its choices, else its label (else its ID). */
function Placeholder({ id, params, depth }: { id: string; params: Params; depth: number }) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const param = params.get(id);
  let content: ReactNode = id;
  if (param?.values?.length) content = param.values.map((v) => v.trim()).join(', ');
  else if (param?.select?.choice.length && depth < MAX_DEPTH) {
    const head =
      param.select.howMany === 'one-or-more'
        ? t('catalog.control.selectionMany')
        : t('catalog.control.selection');
    content = (
      <>
        {head}:{' '}
        {param.select.choice.map((c, i) => (
          <Fragment key={i}>
            {i > 0 && ' / '}
            <Prose text={c.trim()} params={params} depth={depth + 1} />
          </Fragment>
        ))}
      </>
    );
  } else if (param?.label) {
    const label = pickText(param.label, language)?.text ?? id;
    content = t('catalog.control.assignment', { label });
  }
  return (
    <span className={classes.param} data-param={id} title={id}>
      {content}
    </span>
  );
}

/** Prose with each parameter insertion shown as a placeholder. */
export function Prose({
  text,
  params,
  depth = 0,
}: {
  text: string;
  params: Params;
  depth?: number;
}) {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INSERT)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    out.push(<Placeholder key={match.index} id={match[1]!} params={params} depth={depth} />);
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return <>{out}</>;
}

function Items({ parts, params }: { parts: readonly CatalogPart[]; params: Params }) {
  return (
    <ul className={classes.items}>
      {parts.map((part, i) => (
        <li key={part.id ?? i} data-part={part.id}>
          {part.label && <span className={classes.label}>{part.label}</span>}
          {part.title && <span className={classes.label}>{part.title}</span>}
          {part.prose && <Prose text={part.prose.trim()} params={params} />}
          {part.parts?.length ? <Items parts={part.parts} params={params} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The control's parts named `name` (its statement, its guidance), prose then sub-items. */
export function PartsText({
  parts,
  name,
  params,
}: {
  parts: readonly CatalogPart[];
  name: string;
  params: readonly CatalogParam[];
}) {
  const byId = new Map(params.map((p) => [p.id, p]));
  return (
    <Stack gap="xs" data-testid={`parts-${name}`}>
      {parts
        .filter((p) => p.name === name && p.ns === undefined)
        .map((part, i) => (
          <Stack key={part.id ?? i} gap="xs">
            {part.prose && (
              <Text component="p" m={0}>
                <Prose text={part.prose.trim()} params={byId} />
              </Text>
            )}
            {part.parts?.length ? <Items parts={part.parts} params={byId} /> : null}
          </Stack>
        ))}
    </Stack>
  );
}

export function hasParts(parts: readonly CatalogPart[] | undefined, name: string): boolean {
  return (parts ?? []).some((p) => p.name === name && p.ns === undefined);
}

/** Only web addresses of an imported file become links (never e.g. `javascript:`). */
const isWebAddress = (href: string | undefined): href is string =>
  href !== undefined && /^https?:\/\//i.test(href);

const REL_KEYS = {
  related: 'related',
  reference: 'reference',
  required: 'required',
  'incorporated-into': 'incorporatedInto',
  'moved-to': 'movedTo',
} as const;
const isKnownRel = (rel: string | undefined): rel is keyof typeof REL_KEYS =>
  rel !== undefined && Object.hasOwn(REL_KEYS, rel);

/** Related controls (links to their pages), cited resources and addresses. */
export function ControlLinks({
  libraryId,
  links,
}: {
  libraryId: string;
  links: readonly CatalogLink[];
}) {
  const { t } = useTranslation();
  return (
    <ul className={classes.items}>
      {links.map((link, i) => {
        // A rel the catalog defines beyond OSCAL's common ones is shown as written.
        const rel = isKnownRel(link.rel)
          ? t(`catalog.control.rel.${REL_KEYS[link.rel]}`)
          : (link.rel ?? t('catalog.control.rel.link'));
        let target: ReactNode;
        if (link.resource) {
          const title = link.resource.title ?? link.text ?? link.href;
          target = isWebAddress(link.resource.href) ? (
            <Anchor href={link.resource.href} target="_blank" rel="noreferrer">
              {title}
            </Anchor>
          ) : (
            title
          );
        } else if (link.href.startsWith('#')) {
          const id = link.href.slice(1);
          target = (
            <Anchor component={Link} to={controlPath(libraryId, id)}>
              {link.text ?? id}
            </Anchor>
          );
        } else if (isWebAddress(link.href)) {
          target = (
            <Anchor href={link.href} target="_blank" rel="noreferrer">
              {link.text ?? link.href}
            </Anchor>
          );
        } else target = link.text ?? link.href;
        return (
          <li key={i}>
            <span className={classes.label}>{rel}</span>
            {target}
          </li>
        );
      })}
    </ul>
  );
}

/** The control's parameters: label, choices and what to consider when giving each a value. */
export function ControlParams({ params }: { params: readonly CatalogParam[] }) {
  return (
    <List size="sm" spacing={4}>
      {params.map((param) => (
        <List.Item key={param.id}>
          <Code fz="xs" mr={6}>
            {param.id}
          </Code>
          {param.label && <LocalizedText texts={param.label} fz="sm" />}
          {param.select && (
            <Text span fz="sm" c="dimmed">
              {' '}
              — {param.select.choice.map((c) => c.trim()).join(' / ')}
            </Text>
          )}
          {param.guidelines?.map((g, i) => (
            <Text key={i} fz="xs" c="dimmed">
              {g.trim()}
            </Text>
          ))}
        </List.Item>
      ))}
    </List>
  );
}
