import type { InputHTMLAttributes } from 'react';

/** A labelled input whose error is tied to it (aria-describedby) and announced when it appears. */
export function AuthField(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  disabled?: boolean;
  type: 'email' | 'password';
  autoComplete: InputHTMLAttributes<HTMLInputElement>['autoComplete'];
  onChange: (value: string) => void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type}
        autoComplete={props.autoComplete}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
      />
      {props.error ? (
        <p id={errorId} className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
