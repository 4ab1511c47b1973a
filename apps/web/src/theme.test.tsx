import { Drawer, Modal } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from './App';
import { setLocale } from './i18n';
import { fakeFetch } from './test/render';

/** A dialog that says nothing about its close button, as most of the app's dialogs do. */
function Dialogs() {
  return (
    <>
      <Modal opened onClose={() => {}} title="Modal">
        body
      </Modal>
      <Drawer opened onClose={() => {}} title="Drawer">
        body
      </Drawer>
    </>
  );
}

describe('theme', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names every dialog’s close button in the user’s language', async () => {
    vi.stubGlobal('fetch', fakeFetch({}).fetch);
    const { unmount } = render(
      <AppProviders>
        <Dialogs />
      </AppProviders>,
    );
    expect(await screen.findAllByRole('button', { name: 'Close' })).toHaveLength(2);
    unmount();

    await setLocale('ja');
    render(
      <AppProviders>
        <Dialogs />
      </AppProviders>,
    );
    expect(await screen.findAllByRole('button', { name: '閉じる' })).toHaveLength(2);
  });
});
