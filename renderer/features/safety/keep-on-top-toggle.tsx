import { useEffect, useRef, useState } from 'react';

import { call } from '../../api';
import { Button } from '../../components/button';

/**
 * "Keep on top": the window shrinks and floats above the video call, so the card stays in view
 * mid-session. Leaving the card puts the window back as it was.
 */
export function KeepOnTopToggle() {
  const [onTop, setOnTop] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onTopNow = useRef(false);

  useEffect(
    () => () => {
      if (onTopNow.current) void call('app:keep-on-top', { on: false });
    },
    [],
  );

  const toggle = async () => {
    const result = await call('app:keep-on-top', { on: !onTop });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem(null);
    onTopNow.current = result.value.on;
    setOnTop(result.value.on);
  };

  return (
    <>
      <Button aria-pressed={onTop} onClick={() => void toggle()}>
        Keep on top of the video call
      </Button>
      {problem && (
        <p className="rr-alert rr-alert--warn" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
