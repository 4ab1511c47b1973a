import { describe, expect, it } from 'vitest';
import { sizeText, watermarkOf } from './export.ts';
import { decodeEntities, markdownToPdf } from './markdown-pdf.ts';

describe('document version export', () => {
  it('marks every version but the issued one', () => {
    expect(watermarkOf('issued', 'en')).toBeUndefined();
    expect(watermarkOf('superseded', 'en')).toBe('SUPERSEDED');
    expect(watermarkOf('superseded', 'ja')).toBe('旧版 SUPERSEDED');
    expect(watermarkOf('obsolete', 'en')).toBe('OBSOLETE');
    for (const status of ['draft', 'in_review', 'approved']) {
      expect(watermarkOf(status, 'en')).toBe('DRAFT');
    }
  });

  it('writes sizes as people read them', () => {
    expect(sizeText(48)).toBe('48 B');
    expect(sizeText(2048)).toBe('2.0 KB');
    expect(sizeText(5 * 1024 * 1024)).toBe('5.0 MB');
  });

  it('decodes the character references marked leaves in text', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &#x41;&#66; &copy; &bogus;')).toBe(
      'a & b <c> AB © &bogus;',
    );
  });

  it('maps Markdown blocks to pdfmake content, skipping raw HTML and never fetching images', () => {
    const content = markdownToPdf(
      [
        '# Title',
        '',
        'Some **bold** and `code`.',
        '',
        '- one',
        '- [x] done',
        '',
        '2. second',
        '',
        '| A | B |',
        '| - | -: |',
        '| 1 | 2 |',
        '',
        '<div>raw</div>',
        '',
        '![diagram](https://example.invalid/x.png) [link](javascript:alert(1))',
      ].join('\n'),
    );
    const json = JSON.stringify(content);
    expect(content[0]).toMatchObject({ text: ['Title'], bold: true, fontSize: 16 });
    expect(content[1]).toMatchObject({
      text: ['Some ', { text: ['bold'], bold: true }, ' and ', { text: 'code' }, '.'],
    });
    expect(json).toContain('"ul"');
    expect(json).toContain('[x] ');
    expect(content.find((c) => typeof c === 'object' && 'ol' in c)).toMatchObject({ start: 2 });
    expect(json).toContain('"alignment":"right"');
    expect(json).not.toContain('raw');
    expect(json).not.toContain('example.invalid');
    expect(json).toContain('[diagram]');
    expect(json).not.toContain('javascript:');
  });
});
