import type { ReactNode, Ref } from 'react';

interface FormAlertProps {
  messages: string[];
  /** An action such as "Try again", shown under the messages. */
  action?: ReactNode;
  ref?: Ref<HTMLDivElement>;
}

/** The general error of a form or page; `role="alert"` makes screen readers announce it at once. */
export function FormAlert({ messages, action, ref }: FormAlertProps) {
  if (messages.length === 0) return null;
  return (
    <div ref={ref} className="alert alert--error" role="alert" tabIndex={-1}>
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {action ? <div className="alert__action">{action}</div> : null}
    </div>
  );
}
