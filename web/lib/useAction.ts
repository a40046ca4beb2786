// Runs a user's action (a save, a share, a restore) and keeps what came of it
// for the page to show: the server's refusal as it words it, or a success line.
import { useCallback, useState } from 'react';

export interface Outcome {
  ok: boolean;
  text: string;
}

export function useAction() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** Runs `action`; on success shows `success` (if given), on failure the error's message. True when it succeeded. */
  const run = useCallback(async (action: () => Promise<unknown>, success?: string): Promise<boolean> => {
    setOutcome(null);
    try {
      await action();
      if (success) setOutcome({ ok: true, text: success });
      return true;
    } catch (err) {
      setOutcome({ ok: false, text: (err as Error).message });
      return false;
    }
  }, []);
  return { outcome, run };
}
