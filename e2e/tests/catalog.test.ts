import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiLogin,
  apiSetup,
  expectAccessible,
  expectDialogAccessible,
  launchBrowser,
  newPage,
  screenshot,
  signInPage,
  startServer,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
  unexpectedErrors,
} from '../support/index.ts';

/** A JSON file for a file input, made in memory. */
function jsonFile(name: string, content: unknown) {
  return {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
  };
}

/** The official wording an organization might hold a licence for (made up here). */
const OFFICIAL_JA = '【公式本文】組織は、機密性を保護するために暗号化を用いなければならない。';
const OFFICIAL_EN =
  '[Official text] The organization shall use encryption to protect confidentiality.';

/** A one-language OSCAL catalog, as another tool would export it. */
const OSCAL_CATALOG = {
  catalog: {
    uuid: '0b6c8a36-6a3c-4f0e-9d53-0f6bd3c4a111',
    metadata: {
      title: 'Acme Cloud Controls',
      'last-modified': '2026-01-01T00:00:00Z',
      version: '1.0',
      'oscal-version': '1.1.2',
    },
    groups: [
      {
        id: 'ac',
        title: 'Access',
        controls: [
          {
            id: 'ac-1',
            title: 'Access reviews',
            parts: [{ id: 'ac-1_smt', name: 'statement', prose: 'Review access every quarter.' }],
          },
        ],
      },
    ],
  },
};

describe('control catalog in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let manager: ApiSession;
  let reader: ApiSession;
  const pages: TrackedPage[] = [];

  async function open(session: ApiSession, locale = 'ja-JP') {
    const tracked = await newPage(browser, { baseURL: server.url, locale });
    pages.push(tracked);
    await signInPage(tracked.page, server, session);
    return tracked;
  }

  /** Waits until the app's own requests have settled (no spinners, no skeletons). */
  async function settled(page: Page) {
    await page.waitForLoadState('networkidle');
    await page
      .locator('[aria-busy="true"]')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => {});
  }

  /** The display IDs of the search results, in order. */
  async function resultIds(page: Page) {
    const results = page.getByTestId('catalog-result');
    await results.first().waitFor();
    return results.evaluateAll((items) =>
      items.map((item) => item.querySelector('a span')?.textContent ?? ''),
    );
  }

  async function switchTo(page: Page, language: 'ja' | 'en') {
    const group = page.getByRole('radiogroup', {
      name: language === 'en' ? '表示言語' : 'Display language',
    });
    await group.getByText(language === 'en' ? 'English' : '日本語').click();
    await page
      .getByRole('radiogroup', { name: language === 'en' ? 'Display language' : '表示言語' })
      .waitFor();
  }

  /** A full-page screenshot from the top (the shell's header is fixed; a scrolled page would stitch it mid-page). */
  async function shot(page: Page, name: string) {
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, name, { fullPage: true });
  }

  /** Switches the UI to `language` unless it already shows it (the profile remembers the last choice). */
  async function ensureLanguage(page: Page, language: 'ja' | 'en') {
    await page.getByRole('radiogroup').first().waitFor();
    if ((await page.locator('html').getAttribute('lang')) !== language) {
      await switchTo(page, language);
    }
  }

  async function chooseFile(dialog: Locator, file: ReturnType<typeof jsonFile>) {
    await dialog.locator('input[type="file"]').setInputFiles(file);
  }

  /** Console errors other than the refusals a test provokes on purpose (HTTP 422). */
  function unexpected(tracked: TrackedPage) {
    return unexpectedErrors(tracked.errors).filter(
      (error) => !/status of 422 \(Unprocessable Entity\)/.test(error),
    );
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    // The ISMS manager manages the catalog; staff only read it.
    const credentials = await apiCreateUser(server, admin, {
      email: 'mika@example.com',
      displayName: 'Mika Manager',
      roles: ['isms_manager'],
      locale: 'ja',
    });
    manager = await apiLogin(server, credentials);
    reader = await apiLogin(
      server,
      await apiCreateUser(server, admin, {
        email: 'sam@example.com',
        displayName: 'Sam Staff',
        roles: ['staff'],
      }),
    );
  });

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('browses the tree, searches 「暗号」, follows the UI language and opens a control', async () => {
    const tracked = await open(manager);
    const { page } = tracked;

    // The navigation entry opens the catalog, with the shipped JIPDEC library chosen.
    await page.goto('/');
    await ensureLanguage(page, 'ja');
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('link', { name: '管理策カタログ' }).click();
    await page.getByRole('heading', { level: 1, name: '管理策カタログ' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'カタログ' }).inputValue()).toBe(
      'ISMS認証基準 Ver.2.0',
    );

    // Domain → objective (with its 管理目的) → controls.
    await page.getByRole('button', { name: '10 システムの開発及び保守', exact: true }).click();
    const objective = page.getByRole('button', { name: '10(3) 暗号による管理策', exact: true });
    await objective.click();
    expect(await objective.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: '10(3)② 暗号化' }).waitFor();
    await page.getByRole('link', { name: '10(3)⑤ 鍵管理' }).waitFor();
    await settled(page);
    await expectAccessible(page, 'the catalog tree (ja)');
    await shot(page, 'catalog-tree-ja');

    // Search: every control of 10.3 is found, with its domain and objective.
    await page.getByRole('searchbox', { name: '管理策を検索' }).fill('暗号');
    await page.getByText(/件の管理策が見つかりました/).waitFor();
    const ids = await resultIds(page);
    expect(ids.slice(0, 5)).toEqual(['10(3)①', '10(3)②', '10(3)③', '10(3)④', '10(3)⑤']);
    const first = page.getByTestId('catalog-result').first();
    expect(await first.textContent()).toContain('10 システムの開発及び保守');
    expect(await first.textContent()).toContain('10(3) 暗号による管理策');
    expect(await first.locator('mark').first().textContent()).toBe('暗号');
    expect(new URL(page.url()).searchParams.get('q')).toBe('暗号');
    await settled(page);
    await expectAccessible(page, 'the catalog search (ja)');
    await shot(page, 'catalog-search-ja');

    // English UI: the same results, in English.
    await switchTo(page, 'en');
    await page
      .getByRole('link', { name: /^A\.10\.3\.1 Policy on the use of cryptographic/ })
      .waitFor();
    const titles = await page.getByTestId('catalog-result').locator('a').allTextContents();
    expect(titles.some((title) => /cryptograph/i.test(title))).toBe(true);
    expect(await first.textContent()).toContain('Systems development and maintenance');
    await settled(page);
    await expectAccessible(page, 'the catalog search (en)');
    await shot(page, 'catalog-search-en');

    // A control page: our summary, its objective and domain, where it is used.
    await page.getByRole('link', { name: 'A.10.3.2 Encryption' }).click();
    await page.getByRole('heading', { level: 1, name: 'A.10.3.2 Encryption' }).waitFor();
    await page.getByRole('heading', { name: "Mamoru's summary" }).waitFor();
    await page.getByText('Encrypt sensitive or critical information').waitFor();
    await page.getByText('Cryptographic controls', { exact: false }).first().waitFor();
    await page.getByText(/^No risks yet\./).waitFor();
    await page.getByText(/^Not in a statement of applicability yet\./).waitFor();
    await page.getByText(/^No documents yet\./).waitFor();
    // Its address also opens directly (IDs with dots included).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'A.10.3.2 Encryption' }).waitFor();
    await settled(page);
    await expectAccessible(page, 'a control page (en)');
    await shot(page, 'catalog-control-en');

    // Back to the catalog: the search is still there.
    await page.getByRole('link', { name: 'Back to the catalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Control catalog' }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search controls' }).inputValue()).toBe(
      '暗号',
    );
    await page.getByRole('link', { name: 'A.10.3.2 Encryption' }).waitFor();

    // Requirements and glossary tabs.
    await page.getByRole('tab', { name: 'Requirements (clauses 4–7)' }).click();
    await page.getByRole('button', { name: '4.2 Establishing and managing the ISMS' }).click();
    await page.getByRole('button', { name: '4.2.1 Establish the ISMS' }).click();
    await page.getByRole('button', { name: /^4\.2\.1 d Identify/ }).click();
    await page.getByText('4.2.1 d (2)').waitFor();
    await settled(page);
    await expectAccessible(page, 'the requirements (en)');
    await shot(page, 'catalog-requirements-en');
    await page.getByRole('tab', { name: 'Glossary' }).click();
    await page.getByText('availability', { exact: true }).waitFor();
    await settled(page);
    await expectAccessible(page, 'the glossary (en)');
    await screenshot(page, 'catalog-glossary-en');
    expect(unexpectedErrors(tracked.errors)).toEqual([]);
  });

  it('imports licensed text and shows it beside our summary', async () => {
    const tracked = await open(manager, 'en-US');
    const { page } = tracked;
    await page.goto('/catalog');
    await ensureLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Control catalog' }).waitFor();

    const openOverlay = async () => {
      await page.getByRole('button', { name: 'Manage', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Import licensed text…' }).click();
      return page.getByRole('dialog', { name: 'Import licensed text' });
    };

    // An ID the library does not have: refused, and listed.
    const dialog = await openOverlay();
    await expectDialogAccessible(dialog, 'Import licensed text (en)');
    await chooseFile(
      dialog,
      jsonFile('overlay-typo.json', {
        libraryId: 'jipdec-isms-2.0',
        texts: [
          { namespace: 'control', id: '10.3.2', text: { ja: OFFICIAL_JA } },
          { namespace: 'control', id: '10.3.99', text: { ja: '…' } },
        ],
      }),
    );
    await dialog.getByRole('button', { name: 'Import licensed text' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.getByText('texts.1.id').waitFor();
    expect(await refusal.textContent()).toContain('10.3.99');
    await screenshot(page, 'catalog-overlay-error-en');

    // The corrected file applies.
    await chooseFile(
      dialog,
      jsonFile('overlay.json', {
        libraryId: 'jipdec-isms-2.0',
        texts: [
          { namespace: 'control', id: '10.3.2', text: { ja: OFFICIAL_JA, en: OFFICIAL_EN } },
          {
            namespace: 'requirement',
            id: '4.2.1.a',
            text: { ja: '【公式本文】適用範囲を定める。' },
          },
        ],
      }),
    );
    await dialog.getByRole('button', { name: 'Import licensed text' }).click();
    await dialog.getByText('Licensed text applied to 2 items').waitFor();
    await screenshot(page, 'catalog-overlay-done-en');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Licensed text for 2 items').waitFor();

    // The control page shows the licensed text beside Mamoru's summary.
    await page.getByRole('searchbox', { name: 'Search controls' }).fill('A.10.3.2');
    await page.getByRole('link', { name: 'A.10.3.2 Encryption' }).click();
    await page.getByRole('heading', { name: 'Official text licensed to Example Corp' }).waitFor();
    expect(await page.getByTestId('control-official').textContent()).toBe(OFFICIAL_EN);
    await page.getByRole('heading', { name: "Mamoru's summary" }).waitFor();
    await settled(page);
    await expectAccessible(page, 'a control page with licensed text (en)');
    await shot(page, 'catalog-control-official-en');
    await switchTo(page, 'ja');
    await page
      .getByRole('heading', { name: 'Example Corp がライセンスを受けた公式本文' })
      .waitFor();
    expect(await page.getByTestId('control-official').textContent()).toBe(OFFICIAL_JA);
    await page.getByRole('heading', { name: 'Mamoru による要約' }).waitFor();
    await settled(page);
    await expectAccessible(page, 'a control page with licensed text (ja)');
    await shot(page, 'catalog-control-official-ja');
    expect(unexpected(tracked)).toEqual([]);
  });

  it('imports a catalog (refusing a malformed one), adds an own control and exports', async () => {
    const tracked = await open(manager);
    const { page } = tracked;
    await page.goto('/catalog');
    await ensureLanguage(page, 'ja');
    await page.getByRole('heading', { level: 1, name: '管理策カタログ' }).waitFor();

    // Export: OSCAL in Japanese downloads.
    await page.getByRole('button', { name: 'エクスポート' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'OSCAL JSON（日本語）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('jipdec-isms-2.0.oscal.ja.json');

    const openImport = async () => {
      await page.getByRole('button', { name: '管理', exact: true }).click();
      await page.getByRole('menuitem', { name: 'カタログを取り込む…' }).click();
      return page.getByRole('dialog', { name: 'カタログの取り込み' });
    };

    // Broken JSON: the server names what the file looks like and why it cannot be read.
    const dialog = await openImport();
    await expectDialogAccessible(dialog, 'カタログの取り込み (ja)');
    const check = dialog.getByRole('button', { name: 'ファイルを確認' });
    await chooseFile(dialog, jsonFile('broken.json', '{ "formatVersion": 1, '));
    await check.click();
    await dialog
      .getByRole('alert')
      .getByText(/JSON のようですが、読み取れません/)
      .waitFor();

    // JSON, but not a valid library: the server's reasons with their JSON paths.
    await chooseFile(dialog, jsonFile('incomplete.json', { formatVersion: 1, id: 'incomplete' }));
    await check.click();
    const refusal = dialog.getByRole('alert');
    await refusal.getByText(/カタログファイルが正しくありません/).waitFor();
    expect(await refusal.locator('code').first().textContent()).toBe('/');
    expect(await refusal.textContent()).toContain("must have required property 'version'");
    await expectAccessible(page, 'the import dialog with an error (ja)');
    await screenshot(page, 'catalog-import-error-ja');

    // An English-only OSCAL catalog: checked first (what it would import), then imported
    // and chosen; its texts are marked as English.
    await chooseFile(dialog, jsonFile('acme.json', OSCAL_CATALOG));
    await check.click();
    const preview = dialog.getByRole('region', { name: 'ファイルから取り込まれる内容' });
    await preview.getByText('OSCAL カタログ（JSON）').waitFor();
    await expectAccessible(page, 'the import preview (ja)');
    await dialog.getByRole('button', { name: '取り込む' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('カタログを取り込みました: Acme Cloud Controls').waitFor();
    await page.getByText('このカタログには日本語の記述がありません').waitFor();
    expect(await page.getByRole('combobox', { name: 'カタログ' }).inputValue()).toBe(
      'Acme Cloud Controls',
    );
    await page.getByRole('button', { name: 'ac Access', exact: true }).click();
    await page.getByRole('link', { name: 'ac-1 Access reviews' }).waitFor();
    expect(
      await page
        .getByRole('link', { name: 'ac-1 Access reviews' })
        .locator('[lang]')
        .first()
        .getAttribute('lang'),
    ).toBe('en');
    await settled(page);
    await expectAccessible(page, 'an imported English-only catalog (ja)');
    await shot(page, 'catalog-imported-ja');

    // Back to the shipped library; add an own control under 10(3).
    await page.getByRole('combobox', { name: 'カタログ' }).click();
    await page.getByRole('option', { name: 'ISMS認証基準 Ver.2.0' }).click();
    await page.getByRole('button', { name: '10 システムの開発及び保守', exact: true }).click();
    await page.getByRole('button', { name: '10(3) 暗号による管理策 に独自の管理策を追加' }).click();
    const add = page.getByRole('dialog', { name: '独自の管理策の追加' });
    await expectDialogAccessible(add, '独自の管理策の追加 (ja)');
    expect(await add.getByRole('combobox', { name: '管理目的' }).inputValue()).toBe(
      '10(3) 暗号による管理策',
    );
    await add.getByRole('button', { name: '管理策を追加' }).click();
    await add.getByText('名称を日本語・英語のどちらか、または両方で入力してください。').waitFor();
    await add.getByRole('textbox', { name: 'ID', exact: true }).fill('10.3.9');
    await add.getByRole('textbox', { name: '表示 ID（任意）' }).fill('10(3)⑨');
    await add.getByRole('textbox', { name: '名称（日本語）' }).fill('クラウド鍵の保管');
    await add.getByRole('textbox', { name: '名称（英語）' }).fill('Cloud key custody');
    await add
      .getByRole('textbox', { name: '要約（日本語）' })
      .fill('クラウドの暗号鍵は HSM に保管する。');
    await screenshot(page, 'catalog-add-control-ja');
    await add.getByRole('button', { name: '管理策を追加' }).click();
    await page.getByRole('heading', { level: 1, name: '10(3)⑨ クラウド鍵の保管' }).waitFor();
    await page.getByText('組織独自の管理策').waitFor();
    await page.getByText('クラウドの暗号鍵は HSM に保管する。').waitFor();
    await settled(page);
    await expectAccessible(page, 'an own control (ja)');
    await shot(page, 'catalog-own-control-ja');
    expect(unexpected(tracked)).toEqual([]);
  });

  it('offers no management to a user who only reads the catalog', async () => {
    const tracked = await open(reader, 'en-US');
    const { page } = tracked;
    await page.goto('/catalog');
    await page.getByRole('heading', { level: 1, name: 'Control catalog' }).waitFor();
    await page.getByRole('button', { name: 'Export' }).waitFor();
    expect(await page.getByRole('button', { name: 'Manage', exact: true }).count()).toBe(0);
    await page
      .getByRole('button', { name: 'A.10 Systems development and maintenance', exact: true })
      .click();
    expect(await page.getByRole('button', { name: /Add an own control under/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'A.10.3 Cryptographic controls', exact: true }).click();
    await page.getByRole('link', { name: /^A\.10\.3\.9 Cloud key custody/ }).waitFor();
    await settled(page);
    await expectAccessible(page, 'the catalog for a reader (en)');
    await shot(page, 'catalog-tree-reader-en');
    expect(unexpectedErrors(tracked.errors)).toEqual([]);
  });
});
