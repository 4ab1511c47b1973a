export function HeatmapPage() {
  return null;
}
