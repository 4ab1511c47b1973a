import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes, type FakeRoute } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { recordTypeFixture } from './fixtures';
import { RecordTypeModal } from './RecordTypeModal';

function openNew(post: FakeRoute) {
  const api = fakeApi({
    ...signedInRoutes(sessionInfo('admin')),
    'GET /api/v1/classifications': { items: [], nextCursor: null },
    'POST /api/v1/record-types': post,
  });
  vi.stubGlobal('fetch', api.fetch);
  renderWithProviders(<RecordTypeModal type={null} onClose={() => {}} />);
  return screen.findByRole('dialog', { name: 'New record type' });
}

const type = (dialog: HTMLElement, label: RegExp | string, value: string) =>
  fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });

describe('record type form', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('takes a Japanese-only name and makes field keys from the labels', async () => {
    let body: unknown;
    const dialog = await openNew((request) => {
      body = request.body;
      return { status: 201, body: recordTypeFixture };
    });
    type(dialog, /^Code/, 'VISITORS');
    type(dialog, /^Name \(Japanese\)/, '入館記録');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    type(dialog, /^Label in Japanese \(field 1\)/, '訪問者');
    expect((within(dialog).getByLabelText(/^Key \(field 1\)/) as HTMLInputElement).value).toBe(
      'field_1',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    type(dialog, /^Label in Japanese \(field 2\)/, '訪問日');
    type(dialog, /^Label in English \(field 2\)/, 'Visit date');
    // A key the user typed is theirs: a later label change leaves it.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    type(dialog, /^Key \(field 3\)/, 'escort');
    type(dialog, /^Label in Japanese \(field 3\)/, '同行者');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create type' }));

    await vi.waitFor(() => expect(body).toBeDefined());
    expect(body).toMatchObject({
      code: 'VISITORS',
      name: { ja: '入館記録', en: '' },
      fields: [
        { key: 'field_1', label: { ja: '訪問者', en: '' } },
        { key: 'visitDate', label: { ja: '訪問日', en: 'Visit date' } },
        { key: 'escort', label: { ja: '同行者', en: '' } },
      ],
    });
    expect((body as { fields: object[] }).fields[0]).not.toHaveProperty('autoKey');
  });

  it("marks the fields a refused save (422) names, the second field's key included", async () => {
    const dialog = await openNew(
      problem(422, 'Check the values entered.', {
        errors: [
          { field: 'code', code: 'code_taken', message: 'This code is already used.' },
          { field: 'body.fields.1.key', code: 'invalid_format', message: 'Invalid key.' },
          { field: 'fields.0.kind', code: 'invalid_value', message: 'Unknown kind.' },
        ],
      }),
    );
    type(dialog, /^Code/, 'VISITORS');
    type(dialog, /^Name \(Japanese\)/, '入館記録');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    type(dialog, /^Label in Japanese \(field 1\)/, '訪問者');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    type(dialog, /^Label in Japanese \(field 2\)/, '訪問日');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create type' }));

    expect(await within(dialog).findByText('This code is already used.')).toBeTruthy();
    expect(within(dialog).getByLabelText(/^Code/).getAttribute('aria-invalid')).toBe('true');
    const key2 = within(dialog).getByLabelText(/^Key \(field 2\)/);
    expect(key2.getAttribute('aria-invalid')).toBe('true');
    const key1 = within(dialog).getByLabelText(/^Key \(field 1\)/);
    expect(key1.getAttribute('aria-invalid')).not.toBe('true');
    const alert = within(dialog).getByRole('alert');
    expect(within(alert).getByText('Fields of the entries: Unknown kind.')).toBeTruthy();
    expect(alert.textContent).not.toContain('fields.0');
  });
});
