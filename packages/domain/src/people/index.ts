// The people area (5.1.c, 5.2.2.a/b/d; annex 4.1, 6.1): one line per use-case module.
export * from './access.ts';
