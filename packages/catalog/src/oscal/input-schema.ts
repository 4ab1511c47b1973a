// Structural check of an OSCAL catalog before import: the fields that
// fromOscalCatalog reads and keeps, so that a bad input fails with a JSON
// path into the user's file instead of a TypeError deep in the importer. (NIST's full schema is a test-time
// reference only; it does not ship with the package.)
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { ValidationIssue } from '../errors.ts';
import type { OscalCatalogDocument } from './model.ts';

const str = { type: 'string' } as const;
const arrayOf = (ref: string): object => ({ type: 'array', items: { $ref: `#/$defs/${ref}` } });
const strings = { type: 'array', items: str } as const;

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['catalog'],
  properties: {
    catalog: {
      type: 'object',
      required: ['uuid', 'metadata'],
      properties: {
        uuid: str,
        metadata: {
          type: 'object',
          required: ['title', 'version'],
          properties: {
            title: str,
            version: str,
            published: str,
            'oscal-version': str,
            remarks: str,
            props: arrayOf('prop'),
            parties: {
              type: 'array',
              items: {
                type: 'object',
                required: ['uuid'],
                properties: { uuid: str, name: str, type: str },
              },
            },
            'responsible-parties': {
              type: 'array',
              items: {
                type: 'object',
                required: ['role-id', 'party-uuids'],
                properties: { 'role-id': str, 'party-uuids': strings },
              },
            },
          },
        },
        params: arrayOf('param'),
        controls: arrayOf('control'),
        groups: arrayOf('group'),
        'back-matter': {
          type: 'object',
          properties: {
            resources: {
              type: 'array',
              items: {
                type: 'object',
                required: ['uuid'],
                properties: {
                  uuid: str,
                  title: str,
                  description: str,
                  remarks: str,
                  props: arrayOf('prop'),
                  'document-ids': {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['identifier'],
                      properties: { scheme: str, identifier: str },
                    },
                  },
                  citation: {
                    type: 'object',
                    required: ['text'],
                    properties: { text: str, props: arrayOf('prop'), links: arrayOf('link') },
                  },
                  rlinks: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['href'],
                      properties: {
                        href: str,
                        'media-type': str,
                        hashes: {
                          type: 'array',
                          items: {
                            type: 'object',
                            required: ['algorithm', 'value'],
                            properties: { algorithm: str, value: str },
                          },
                        },
                      },
                    },
                  },
                  base64: {
                    type: 'object',
                    required: ['value'],
                    properties: { value: str, filename: str, 'media-type': str },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  $defs: {
    prop: {
      type: 'object',
      required: ['name', 'value'],
      properties: {
        name: str,
        value: str,
        ns: str,
        class: str,
        uuid: str,
        group: str,
        remarks: str,
      },
    },
    link: {
      type: 'object',
      required: ['href'],
      properties: { href: str, rel: str, text: str, 'media-type': str, 'resource-fragment': str },
    },
    part: {
      type: 'object',
      required: ['name'],
      properties: {
        id: str,
        name: str,
        ns: str,
        class: str,
        title: str,
        prose: str,
        props: arrayOf('prop'),
        parts: arrayOf('part'),
        links: arrayOf('link'),
      },
    },
    param: {
      type: 'object',
      required: ['id'],
      properties: {
        id: str,
        class: str,
        label: str,
        usage: str,
        remarks: str,
        props: arrayOf('prop'),
        links: arrayOf('link'),
        guidelines: {
          type: 'array',
          items: { type: 'object', required: ['prose'], properties: { prose: str } },
        },
        constraints: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              description: str,
              tests: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['expression'],
                  properties: { expression: str, remarks: str },
                },
              },
            },
          },
        },
        values: strings,
        select: {
          type: 'object',
          properties: { 'how-many': { enum: ['one', 'one-or-more'] }, choice: strings },
        },
      },
    },
    control: {
      type: 'object',
      required: ['id', 'title'],
      properties: {
        id: str,
        class: str,
        title: str,
        params: arrayOf('param'),
        props: arrayOf('prop'),
        links: arrayOf('link'),
        parts: arrayOf('part'),
        controls: arrayOf('control'),
      },
    },
    group: {
      type: 'object',
      required: ['title'],
      properties: {
        id: str,
        class: str,
        title: str,
        params: arrayOf('param'),
        props: arrayOf('prop'),
        links: arrayOf('link'),
        parts: arrayOf('part'),
        groups: arrayOf('group'),
        controls: arrayOf('control'),
      },
    },
  },
};

let validator: ValidateFunction | undefined;

/** Issues of the input as an OSCAL catalog document (empty when readable). */
export function oscalInputIssues(json: unknown): ValidationIssue[] {
  validator ??= new Ajv2020({ allErrors: true }).compile(schema);
  if (validator(json)) return [];
  return (validator.errors ?? []).map((e) => ({
    path: e.instancePath,
    message: e.message ?? 'is invalid',
  }));
}

export function isReadableOscal(json: unknown): json is OscalCatalogDocument {
  return oscalInputIssues(json).length === 0;
}
