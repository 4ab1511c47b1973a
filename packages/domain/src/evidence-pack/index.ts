// The evidence pack for the certification audit (審査用エビデンス一式).
export {
  KEEP_PACKS,
  downloadPack,
  getPack,
  listPacks,
  runPack,
  startPack,
  type PackRequest,
  type PackResult,
} from './service.ts';
export { PART_KEYS, PARTS, type PackLang, type PartKey } from './labels.ts';
export type { PackManifest } from './zip.ts';
