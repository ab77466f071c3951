import type { ReactNode } from 'react';

export function Loading({ label }: { label: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

interface ErrorStateProps {
  title: string;
  error?: { message: string } | null;
  onRetry?: () => void;
}

export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title}</p>
      {error ? <p className="state__detail">{friendlyError(error)}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state--empty">{children}</div>;
}

// Transport errors are not for shoppers to decode.
function friendlyError(error: { message: string }): string {
  if (/fetch|network|socket|connect/i.test(error.message)) {
    return 'We could not reach the box office. Check your connection.';
  }
  return error.message;
}
