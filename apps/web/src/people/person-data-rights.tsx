import type { PersonErasure } from '@vaccinate/api-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../certificates/certificates-api';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { FormAlert } from '../shared/ui/form-alert';
import { erasePerson, exportPerson, type ExportFormat } from './person-data-rights-api';

const FILE_NAMES: Record<ExportFormat, string> = { json: 'personal-data.json', html: 'personal-data.html' };

/** Access, portability and erasure on the person's request: export as a file, or erase after a confirmation. */
export function PersonDataRights({ personId, onErased }: { personId: string; onErased: (erasure: PersonErasure) => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  const download = (format: ExportFormat) => run(async () => saveFile(await exportPerson(api, personId, format), FILE_NAMES[format]));
  const erase = () =>
    run(async () => {
      onErased(await erasePerson(api, personId));
      setConfirming(false);
    });

  return (
    <section className="card" aria-labelledby="person-data-rights-title">
      <h2 id="person-data-rights-title">{t('personData.title')}</h2>
      <p>{t('personData.intro')}</p>
      {failure ? <FormAlert messages={[failure]} /> : null}
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void download('json')}>
          {t('personData.exportJson')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void download('html')}>
          {t('personData.exportHtml')}
        </button>
        {confirming ? null : (
          <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirming(true)}>
            {t('personData.erase')}
          </button>
        )}
      </div>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="person-erase-question">
          <p id="person-erase-question">{t('personData.eraseQuestion')}</p>
          <div className="actions">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void erase()}>
              {t('personData.eraseConfirm')}
            </button>
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
