/**
 * The post-commit "kick": creating an immediate notification asks for a
 * dispatch; the server runs it after the response (the transaction has
 * committed by then), so an approval's email leaves at once instead of at the
 * scheduled dispatcher's next run. A rolled-back request only costs one
 * empty outbox query.
 */
let wanted = false;

export function wantDispatch() {
  wanted = true;
}

/** Whether a dispatch was asked for since the last call (and clears it). */
export function takeDispatchWanted() {
  const was = wanted;
  wanted = false;
  return was;
}
