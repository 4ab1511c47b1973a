import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { i18n, initI18n } from '../i18n';
import { en, ja } from '../i18n/complete.ts';
import { filenameOf } from './download';
import { useDownload } from './useDownload';

const URL_PDF = '/api/v1/soa/s1/export?format=pdf&lang=ja';

function Exporter() {
  const download = useDownload();
  return (
    <>
      <a {...download.link(URL_PDF)}>Export PDF</a>
      <span>{download.busy ? 'busy' : 'idle'}</span>
      {download.status}
    </>
  );
}

function renderExporter() {
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <ToastProvider>
          <Exporter />
        </ToastProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

/** A response whose body the test feeds chunk by chunk. */
function streamedResponse(headers: Record<string, string>) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return { response: new Response(body, { status: 200, headers }), controller };
}

let saved: { name: string; href: string }[];

beforeEach(() => {
  saved = [];
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, href: this.href });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useDownload', () => {
  it('shows preparing, then the percentage, then saves under the server’s file name', async () => {
    const { response, controller } = streamedResponse({
      'content-type': 'application/pdf',
      'content-length': '10',
      'content-disposition': `attachment; filename="soa.pdf"; filename*=UTF-8''${encodeURIComponent('適用宣言書.pdf')}`,
    });
    let answer!: (r: Response) => void;
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal('fetch', fetch);
    renderExporter();

    fireEvent.click(screen.getByText('Export PDF'));
    expect(await screen.findByText('Preparing the file…')).toBeTruthy();
    expect(screen.getByText('busy')).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith(
      URL_PDF,
      expect.objectContaining({ credentials: 'same-origin' }),
    );

    await act(async () => answer(response));
    await act(async () => controller.enqueue(new Uint8Array(4)));
    expect(await screen.findByText('Downloading 40 %')).toBeTruthy();
    expect(saved).toEqual([]);

    await act(async () => {
      controller.enqueue(new Uint8Array(6));
      controller.close();
    });
    expect(await screen.findByText('Downloaded 適用宣言書.pdf')).toBeTruthy();
    expect(saved).toEqual([{ name: '適用宣言書.pdf', href: 'blob:export' }]);
    expect(screen.getByText('idle')).toBeTruthy();
    expect(screen.queryByText(/Downloading/)).toBeNull();
  });

  it('counts what arrived when the server streams without a length', async () => {
    const { response, controller } = streamedResponse({
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="risk-report.xlsx"',
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => response),
    );
    renderExporter();

    fireEvent.click(screen.getByText('Export PDF'));
    await act(async () => controller.enqueue(new Uint8Array(12 * 1024)));
    expect(await screen.findByText('Downloading… 12 kB so far')).toBeTruthy();
    await act(async () => controller.close());
    expect(await screen.findByText('Downloaded risk-report.xlsx')).toBeTruthy();
    expect(saved).toEqual([{ name: 'risk-report.xlsx', href: 'blob:export' }]);
  });

  it('shows a busy server’s problem in the user’s language, with its Retry-After, and saves nothing', async () => {
    initI18n('ja', { en, ja });
    const fetch = vi.fn(async () =>
      Response.json(
        {
          type: 'about:blank',
          title: 'ほかのジョブが実行中です。',
          status: 429,
          code: 'jobs_busy',
        },
        {
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '30' },
        },
      ),
    );
    vi.stubGlobal('fetch', fetch);
    renderExporter();

    fireEvent.click(screen.getByText('Export PDF'));
    expect(await screen.findByText('ほかのジョブが実行中です。')).toBeTruthy();
    expect(screen.getByText('30 秒後に再度エクスポートできます。')).toBeTruthy();
    const headers = new Headers(
      (fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers,
    );
    expect(headers.get('accept-language')).toBe('ja');
    expect(saved).toEqual([]);
    expect(screen.getByText('idle')).toBeTruthy();
  });
});

describe('filenameOf', () => {
  it('prefers the UTF-8 name, then the quoted one, then the fallback', () => {
    expect(filenameOf(`attachment; filename*=UTF-8''%E8%B3%87%E7%94%A3.xlsx`, 'x')).toBe(
      '資産.xlsx',
    );
    expect(filenameOf('attachment; filename="assets.csv"', 'x')).toBe('assets.csv');
    expect(filenameOf('attachment; filename=plain.pdf', 'x')).toBe('plain.pdf');
    expect(filenameOf(null, 'export')).toBe('export');
  });
});
