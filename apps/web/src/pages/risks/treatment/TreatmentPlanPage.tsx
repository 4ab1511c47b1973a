export function TreatmentPlanPage() {
  return null;
}
