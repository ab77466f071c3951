import { useEffect, useRef, useState } from 'react';

/** The one time a key's secret is shown: the server keeps only its hash. */
export function NewKeySecret(props: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the news, so keyboard and screen-reader users land on the secret.
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="card new-key" aria-labelledby="new-key-title">
      <h2 id="new-key-title" ref={heading} tabIndex={-1}>
        Key “{props.name}” created
      </h2>
      <p className="notice" role="alert">
        Copy this secret now. It is shown only once: we keep only a hash of it, so nobody can read it again.
      </p>
      <p>
        <label htmlFor="new-key-secret">Secret</label>
        <input id="new-key-secret" className="new-key__secret" readOnly value={props.secret} onFocus={(event) => event.target.select()} data-testid="new-key-secret" />
      </p>
      <p>
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          Copy secret
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={props.onDone}>
          I have stored it
        </button>
      </p>
      <p role="status" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying is not allowed here; select the secret and copy it yourself.' : ''}
      </p>
    </section>
  );
}
