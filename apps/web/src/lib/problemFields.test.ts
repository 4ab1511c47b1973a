import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { problemFields, unplacedText } from './problemFields';

const refused = (errors: { field: string; message: string }[]) =>
  new ApiError({ status: 422, title: 'Check the values entered.', problem: { errors } });

describe('problemFields', () => {
  const labels = {
    rationale: 'Rationale',
    selectedControls: 'Selected controls',
    'selectedControls.*.justification': 'Justification',
  };

  it('puts an indexed path on the input of its list item', () => {
    const fields = problemFields(
      refused([{ field: 'body.selectedControls.0.justification', message: 'Required.' }]),
      labels,
    );
    expect(fields.error('selectedControls.0.justification')).toBe('Required.');
    expect(fields.error('selectedControls.1.justification')).toBeUndefined();
    // A list input (tags, multi-select) shows the first message of its items.
    expect(fields.error('selectedControls')).toBe('Required.');
    expect(fields.unplaced).toEqual([]);
  });

  it('labels a path with no input by its nearest known field, never by the raw path', () => {
    const fields = problemFields(
      refused([
        { field: 'selectedControls.2.controlId', message: 'Unknown control.' },
        { field: 'somethingElse', message: 'Bad.' },
      ]),
      labels,
      ['rationale'],
    );
    expect(fields.unplaced.map(unplacedText)).toEqual([
      'Selected controls: Unknown control.',
      'Bad.',
    ]);
  });

  it('keeps the first message per field and ignores errors that are not API errors', () => {
    const fields = problemFields(
      refused([
        { field: 'rationale', message: 'First.' },
        { field: 'rationale', message: 'Second.' },
      ]),
      labels,
    );
    expect(fields.byField).toEqual({ rationale: 'First.' });
    expect(problemFields(new Error('x'), labels).unplaced).toEqual([]);
  });

  it('takes a trailing ** as anything inside a part of the form', () => {
    const fields = problemFields(
      refused([{ field: 'definition.bands.2.label.ja', message: 'Required.' }]),
      { 'definition.bands': 'Levels' },
      ['definition.bands.**'],
    );
    expect(fields.error('definition.bands')).toBe('Required.');
    expect(
      problemFields(refused([{ field: 'definition.bands', message: 'x' }]), {}, [
        'definition.bands.**',
      ]).unplaced,
    ).toHaveLength(1);
  });
});
