import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Improvement, PreventiveProposal } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { CommunicationFormModal } from './CommunicationFormModal';
import { ImprovementFormModal } from './ImprovementFormModal';
import { DecisionForm, ImplementationForm } from './ImprovementPage';
import { ProposalDecisionModal } from './ProposalDecisionModal';
import { SuggestButton, SuggestModal } from './SuggestButton';

const improvement: Improvement = {
  id: '00000000-0000-4000-8000-0000000000c1',
  number: 1,
  code: 'IMP-0001',
  source: 'audit',
  sourceLink: null,
  auditFindingId: null,
  title: 'Automate the access review',
  description: '',
  suggestedBy: null,
  status: 'proposed',
  decisionReason: '',
  decidedBy: null,
  decidedAt: null,
  owner: null,
  dueDate: null,
  implementation: '',
  implementedAt: null,
  evidence: [],
  objectiveId: null,
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

const proposal: PreventiveProposal = {
  id: '00000000-0000-4000-8000-0000000000a1',
  risk: {
    id: '00000000-0000-4000-8000-0000000000d1',
    code: 'R-0001',
    assetName: 'CRM',
    threatCode: 'T-1',
    level: 3,
  },
  reason: 'level_jump',
  previousLevel: 1,
  newLevel: 3,
  priority: 'high',
  status: 'proposed',
  decisionReason: '',
  decidedBy: null,
  decidedAt: null,
  nonconformity: null,
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
};

/** A 422 for `route` naming `field`; the form must show the message at that field's input. */
function refuse(route: string, field: string) {
  const api = fakeApi({
    ...signedInRoutes(sessionInfo('admin')),
    [route]: problem(422, 'Check the values entered.', {
      errors: [{ field, code: 'reference_not_found', message: 'Not acceptable here.' }],
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

const invalid = (el: HTMLElement) => el.getAttribute('aria-invalid');

describe('improvement forms: a refused save (422) marks the field at fault', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('new improvement: the due date', async () => {
    refuse('POST /api/v1/improvements', 'dueDate');
    renderWithProviders(<ImprovementFormModal onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'New improvement' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Share lessons' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create improvement' }));
    expect(await within(dialog).findByText('Not acceptable here.')).toBeTruthy();
    expect(invalid(within(dialog).getByLabelText('Due date'))).toBe('true');
  });

  it('decision: the reason', async () => {
    refuse(`POST /api/v1/improvements/${improvement.id}/decision`, 'reason');
    renderWithProviders(<DecisionForm improvement={improvement} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('Not acceptable here.')).toBeTruthy();
    expect(invalid(screen.getByRole('textbox', { name: 'Reason' }))).toBe('true');
  });

  it('implementation: what was done', async () => {
    refuse(`POST /api/v1/improvements/${improvement.id}/implementation`, 'implementation');
    renderWithProviders(
      <ImplementationForm improvement={{ ...improvement, status: 'accepted' }} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Record implementation' }));
    expect(await screen.findByText('Not acceptable here.')).toBeTruthy();
    expect(invalid(screen.getByRole('textbox', { name: 'What was done' }))).toBe('true');
  });

  it('communication: the audience', async () => {
    refuse('POST /api/v1/improvement-communications', 'audience');
    renderWithProviders(<CommunicationFormModal onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Record communication' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Audience/ }), {
      target: { value: 'All staff' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^What was communicated/ }), {
      target: { value: 'The new backup schedule' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Not acceptable here.')).toBeTruthy();
    expect(invalid(within(dialog).getByRole('textbox', { name: /^Audience/ }))).toBe('true');
  });

  it('preventive proposal: the reason of a dismissal', async () => {
    refuse(`POST /api/v1/preventive-proposals/${proposal.id}/decision`, 'reason');
    renderWithProviders(<ProposalDecisionModal proposal={proposal} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Decide: R-0001' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    expect(await within(dialog).findByText('Not acceptable here.')).toBeTruthy();
    expect(invalid(within(dialog).getByRole('textbox', { name: 'Reason' }))).toBe('true');
  });

  it('suggestion: the title', async () => {
    refuse('POST /api/v1/improvements/suggestions', 'title');
    renderWithProviders(<SuggestModal onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', {
      name: 'Suggest an improvement or report a potential problem',
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Badges for visitors' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await within(dialog).findByText('Not acceptable here.')).toBeTruthy();
    expect(invalid(within(dialog).getByRole('textbox', { name: /^Title/ }))).toBe('true');
  });
});

describe('the suggest button', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is there for whoever may suggest, and says under which number it was recorded', async () => {
    const session = sessionInfo('staff');
    const api = fakeApi({
      ...signedInRoutes({
        ...session,
        permissions: { ...session.permissions, 'improvement:suggest': 'all' },
      }),
      'POST /api/v1/improvements/suggestions': (request) => ({
        status: 201,
        body: {
          kind: (request.body as { kind: string }).kind,
          id: '00000000-0000-4000-8000-0000000000e1',
          code: 'NC-0007',
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<SuggestButton />);
    fireEvent.click(await screen.findByRole('button', { name: 'Suggest' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'A potential problem' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Visitors walk in unescorted' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await within(dialog).findByText('Thank you: recorded as NC-0007.')).toBeTruthy();
    const sent = api.calls.find((r) => r.path === '/api/v1/improvements/suggestions');
    expect(sent?.body).toMatchObject({
      kind: 'potential_problem',
      title: 'Visitors walk in unescorted',
    });
  });

  it('is not there without the permission', async () => {
    vi.stubGlobal('fetch', fakeApi(signedInRoutes(sessionInfo('staff'))).fetch);
    renderWithProviders(
      <>
        <SuggestButton />
        <span>signed in</span>
      </>,
    );
    await screen.findByText('signed in');
    expect(screen.queryByRole('button', { name: 'Suggest' })).toBeNull();
  });
});
