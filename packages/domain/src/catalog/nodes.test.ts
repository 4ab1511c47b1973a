import { describe, expect, it } from 'vitest';
import { flattenRequirements, shippedLibrary, type Library } from '@mamoru/catalog';
import { libraryContentHash, libraryNodes, normalizeForSearch, searchTextOf } from './nodes.ts';
import { searchTerms } from './service.ts';

describe('catalog nodes', () => {
  it('normalize text for search: width, circled digits, case', () => {
    expect(normalizeForSearch('ＣＲＹＰＴＯ ①　Ａｂｃ')).toBe('crypto 1 abc');
    expect(normalizeForSearch('ｱﾝｺﾞｳ')).toBe('アンゴウ');
  });

  it('split a search into distinct normalized words, at most eight', () => {
    expect(searchTerms('  暗号　鍵 暗号 ')).toEqual(['暗号', '鍵']);
    expect(searchTerms(undefined)).toEqual([]);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });

  it('search a control by its own texts and its objective’s title', () => {
    const text = searchTextOf(
      {
        id: '10.3.3',
        displayId: '10(3)③',
        title: { ja: 'ディジタル署名', en: 'Digital signatures' },
      },
      { ja: '暗号による管理策', en: 'Cryptographic controls' },
    );
    expect(text).toContain('10(3)3');
    expect(text).toContain('digital signatures');
    expect(text).toContain('暗号による管理策');
    expect(text).toContain('cryptographic controls');
  });

  it('lay a library out in document order, parents before children', async () => {
    const lib = (await shippedLibrary('jipdec-isms-2.0')) as Library;
    const rows = libraryNodes(lib);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i));
    const requirements = rows.filter((r) => r.namespace === 'requirement');
    expect(requirements.map((r) => r.nodeId)).toEqual(
      flattenRequirements(lib).map((f) => f.node.id),
    );
    const seen = new Set<string>();
    for (const row of rows) {
      for (const ancestor of row.ancestorIds ?? [])
        expect(seen.has(`${row.namespace}:${ancestor}`)).toBe(true);
      expect(row.depth).toBe(row.ancestorIds?.length);
      expect(row.parentId ?? null).toBe(row.ancestorIds?.at(-1) ?? null);
      seen.add(`${row.namespace}:${row.nodeId}`);
    }
    expect(rows.find((r) => r.nodeId === '10.3.3')).toMatchObject({
      kind: 'control',
      parentId: '10.3',
      ancestorIds: ['10', '10.3'],
    });
  });

  it('hash the content: equal libraries hash alike, any change shows', async () => {
    const lib = (await shippedLibrary('jipdec-isms-2.0')) as Library;
    const copy = structuredClone(lib) as Library;
    expect(libraryContentHash(copy)).toBe(libraryContentHash(lib));
    expect(libraryContentHash({ ...copy, version: '2.0.1' })).not.toBe(libraryContentHash(lib));
  });
});
