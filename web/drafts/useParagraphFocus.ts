// Which paragraph is being edited and where its caret goes. Each request gets
// a new sequence number, so asking for the same place twice still moves there.
import { useCallback, useRef, useState } from 'react';

export interface Focus {
  id: string;
  /** Where to put the caret (null: leave it where it is). */
  caret: number | null;
  seq: number;
}

export function useParagraphFocus() {
  const [focus, setFocus] = useState<Focus | null>(null);
  const seq = useRef(0);
  const focusOn = useCallback((id: string, caret: number | null) => setFocus({ id, caret, seq: ++seq.current }), []);
  const blur = useCallback(() => setFocus(null), []);
  return { focus, focusOn, blur };
}
