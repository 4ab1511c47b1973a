import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverPage, renderPdf, textTable } from './pdf.ts';

function pdfText(bytes: Buffer) {
  const file = join(mkdtempSync(join(tmpdir(), 'mamoru-pdf-')), 'report.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

let hasPdftotext = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  hasPdftotext = false;
}

describe('renderPdf', () => {
  it('produces a PDF document', async () => {
    const bytes = await renderPdf([{ text: 'Hello' }], { title: 'T' });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.skipIf(!hasPdftotext)(
    'embeds Noto Sans JP so Japanese text survives (read back with pdftotext)',
    async () => {
      const bytes = await renderPdf(
        [
          ...coverPage({ title: '適用宣言書', facts: [['組織', '株式会社守る']] }),
          textTable(['管理策番号', '管理策'], [['3(1)①', '情報セキュリティ基本方針文書']]),
        ],
        { title: '適用宣言書', footer: '株式会社守る', watermark: '廃版' },
      );
      const text = pdfText(bytes);
      expect(text).toContain('適用宣言書');
      expect(text).toContain('株式会社守る');
      expect(text).toContain('情報セキュリティ基本方針文書');
      expect(text).toMatch(/1\s*\/\s*2/); // the footer's page number
    },
  );

  it('never fetches remote images named in the content', async () => {
    await expect(
      renderPdf([{ image: 'https://example.invalid/x.png', width: 10 }], { title: 'T' }),
    ).rejects.toThrow(/denied|policy/i);
  });
});
