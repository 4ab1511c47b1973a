import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n';
import type { SoaEntry } from './api';
import { EntryTable } from './EntryTable';

/** 45 controls in 5 objectives: long enough to render in more than one step. */
const entries: SoaEntry[] = Array.from({ length: 45 }, (_, i) => {
  const objective = Math.floor(i / 10) + 1;
  const n = (i % 10) + 1;
  return {
    controlId: `5.${objective}.${n}`,
    displayId: `5(${objective})${n}`,
    own: false,
    domainId: '5',
    domainDisplayId: '5',
    domainTitle: { ja: '人的セキュリティ', en: 'People' },
    objectiveId: `5.${objective}`,
    objectiveDisplayId: `5(${objective})`,
    objectiveTitle: { ja: `目的 ${objective}`, en: `Objective ${objective}` },
    title: { ja: `管理策 ${i + 1}`, en: `Control ${i + 1}` },
    summary: { ja: '', en: '' },
    applicable: null,
    proposed: false,
    reasons: [],
    exclusionReason: '',
    riskAcceptedBy: null,
    riskAcceptedOn: null,
    implementationStatus: 'not_started',
    links: [],
    ownerUserId: null,
    notes: '',
    updatedBy: null,
    updatedAt: '2026-01-05T09:00:00.000Z',
  };
});

function renderTable(onSelect = vi.fn()) {
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <EntryTable
          entries={entries}
          selected={new Set()}
          onSelect={onSelect}
          onOpen={() => {}}
          selectable
        />
      </MantineProvider>
    </I18nextProvider>,
  );
  return onSelect;
}

describe('SoA entry table, rendered progressively', () => {
  it('shows the first objectives at once with a loading row, then every control', async () => {
    const onSelect = renderTable();
    // The first paint: the first rows and a row saying the rest is coming.
    expect(screen.getByText('Control 1')).toBeTruthy();
    expect(screen.getByText('Control 20')).toBeTruthy();
    expect(screen.queryByText('Control 21')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(
      'Showing 20 of 45 controls; the rest are on their way…',
    );
    // Selecting all means every control the filter shows, not only the rows painted so far.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all controls shown' }));
    expect(onSelect).toHaveBeenCalledWith(
      entries.map((e) => e.controlId),
      true,
    );

    // Generous: jsdom renders Mantine rows slowly on a busy machine.
    expect(await screen.findByText('Control 45', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getAllByRole('row')).toHaveLength(1 + 1 + 5 + 45);
  });
});
