import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { ApiProblemError } from '../shared/api/api-error';
import { describeError } from '../shared/api/error-message';
import { useDateFormat } from '../shared/time-zone-context';
import { FormAlert } from '../shared/ui/form-alert';
import { NOT_DEAD_CODE, replayDeadLetter, type DeadLetter } from './outbox-api';

/** `alreadyReplayed`: someone else sent it again first; the list is reloaded either way. */
export type ReplayOutcome = 'replayed' | 'alreadyReplayed';

function isAlreadyReplayed(error: unknown): boolean {
  return error instanceof ApiProblemError && error.status === 404 && error.code === NOT_DEAD_CODE;
}

const COLUMNS = ['createdAt', 'kind', 'template', 'attempts', 'lastError', 'action'] as const;

export function DeadLetterTable({ letters, onReplayed }: { letters: readonly DeadLetter[]; onReplayed: (outcome: ReplayOutcome) => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useDateFormat();
  const idPrefix = useId();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const replay = async (id: string) => {
    setBusyId(id);
    setError(null);
    try {
      await replayDeadLetter(api, id);
      onReplayed('replayed');
    } catch (cause) {
      if (isAlreadyReplayed(cause)) onReplayed('alreadyReplayed');
      else setError(describeError(cause, t));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <FormAlert messages={error ? [error] : []} />
      <div className="table-wrap">
        <table className="table">
          <caption className="table__caption">{t('mail.deadCaption')}</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col" className={column === 'attempts' ? 'num' : undefined}>
                  {t(`mail.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => {
              const templateId = `${idPrefix}-${letter.id}`;
              return (
                <tr key={letter.id}>
                  <th scope="row">{format.dateTime(letter.createdAt)}</th>
                  <td className="table__code">{letter.kind}</td>
                  <td className="table__code" id={templateId}>
                    {letter.template}
                  </td>
                  <td className="num">{letter.attempts}</td>
                  <td className="table__error">{letter.lastError ?? '—'}</td>
                  <td>
                    {/* Every row's button says the same; the template tells them apart for screen readers. */}
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-describedby={templateId}
                      disabled={busyId !== null}
                      onClick={() => void replay(letter.id)}
                    >
                      {busyId === letter.id ? t('mail.replaying') : t('mail.replay')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
