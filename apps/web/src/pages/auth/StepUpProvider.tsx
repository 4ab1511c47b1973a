import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { setStepUpHandler } from '../../api/client';
import { AreaStrings } from '../../i18n/lazy-areas';

// The prompt itself (and the passkey library behind it) loads the first time it is needed.
const StepUpModal = lazy(() => import('./screens').then((m) => ({ default: m.StepUpModal })));

/**
 * Answers the API client's `step_up_required` refusals: opens the step-up
 * prompt and tells the client whether to send the request again. Requests
 * refused at the same moment share one prompt.
 */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pending = useRef<{ promise: Promise<boolean>; resolve: (done: boolean) => void } | null>(
    null,
  );

  useEffect(() => {
    setStepUpHandler(() => {
      if (!pending.current) {
        let resolve!: (done: boolean) => void;
        const promise = new Promise<boolean>((r) => (resolve = r));
        pending.current = { promise, resolve };
        setOpen(true);
      }
      return pending.current.promise;
    });
    return () => {
      setStepUpHandler(null);
      pending.current?.resolve(false);
      pending.current = null;
    };
  }, []);

  const finish = (done: boolean) => {
    pending.current?.resolve(done);
    pending.current = null;
    setOpen(false);
  };

  return (
    <>
      {children}
      {open && (
        <Suspense fallback={null}>
          <AreaStrings area="authentication">
            <StepUpModal onDone={finish} />
          </AreaStrings>
        </Suspense>
      )}
    </>
  );
}
