import { describe, expect, it } from 'vitest';
import { firstFreeLibraryId, LIBRARY_ID_MAX, slugify, withSuffix } from './slug.ts';

const SLUG = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

describe('library IDs made from a title', () => {
  it('cut a long title at a word boundary, never inside a word', () => {
    const title = 'Example Security and Privacy Controls for Testing Round Trips of Catalogs';
    // The first 60 characters end inside "trips"; the ID ends at the word before.
    expect(slugify(title)).toBe('example-security-and-privacy-controls-for-testing-round');
    const nist =
      'NIST Special Publication 800-53 Revision 5.1.1: Security and Privacy Controls for Information Systems';
    const id = slugify(nist);
    expect(id.length).toBeLessThanOrEqual(60);
    const words = nist.toLowerCase().split(/[^a-z0-9]+/);
    expect(id.split('-').every((w) => words.includes(w))).toBe(true);
    expect(id).toMatch(SLUG);
  });

  it('keeps short titles whole and a single overlong word up to the format limit', () => {
    expect(slugify('  Tiny Catalog ')).toBe('tiny-catalog');
    expect(slugify('Ébauche — contrôles')).toBe('ebauche-controles');
    const word = 'a'.repeat(150);
    expect(slugify(`${word} b`)).toBe('a'.repeat(LIBRARY_ID_MAX));
  });

  it('adds a uniqueness suffix without passing the limit or cutting a word', () => {
    expect(withSuffix('tiny-catalog', 2)).toBe('tiny-catalog-2');
    const long = `${'word-'.repeat(19)}last`; // 99 characters
    const suffixed = withSuffix(long, 12);
    expect(suffixed.length).toBeLessThanOrEqual(LIBRARY_ID_MAX);
    expect(suffixed).toBe(`${'word-'.repeat(18)}word-12`);
    expect(suffixed).toMatch(SLUG);
  });

  it('finds the first free ID', async () => {
    const taken = new Set(['nist', 'nist-2', 'nist-3']);
    expect(await firstFreeLibraryId('nist', (id) => taken.has(id))).toBe('nist-4');
    expect(await firstFreeLibraryId('free', async (id) => taken.has(id))).toBe('free');
    expect(await firstFreeLibraryId('all', () => true)).toBe('all');
  });
});
