import { useEffect, useState } from 'react';

/**
 * Whether this server keeps its emails in the development mailbox (/dev/mailbox answers) rather
 * than sending them: null until known. Asked only when a page is about to point at an email.
 */
export function useDevelopmentMailbox(ask: boolean): boolean | null {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    if (!ask) return;
    const controller = new AbortController();
    fetch('/dev/mailbox?to=-', { signal: controller.signal }).then(
      (response) => setOn(response.ok),
      () => {
        if (!controller.signal.aborted) setOn(false);
      },
    );
    return () => controller.abort();
  }, [ask]);
  return on;
}
