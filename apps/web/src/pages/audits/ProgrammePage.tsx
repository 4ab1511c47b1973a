/** The audit programme page; its content comes with the programme work. */
export function ProgrammePage() {
  return null;
}
