import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import { releaseGroups } from './waiting-list-api';

/** Release groups up to a rank, for every site or one; the allocator then books them in order. */
export function ReleaseForm({ sites, onReleased }: { sites: { id: string; name: string }[]; onReleased: () => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [upToRank, setUpToRank] = useState('1');
  const [siteId, setSiteId] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await releaseGroups(api, Number(upToRank), siteId || null);
      onReleased();
    } catch (cause) {
      setError(describeError(cause, t));
    }
  };

  return (
    <form className="form card" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="release-title">
      <h2 id="release-title">{t('waitingList.staff.releaseTitle')}</h2>
      <FormAlert messages={error ? [error] : []} />
      <div className="form__grid">
        <TextField name="upToRank" type="number" min={0} label={t('waitingList.staff.upToRank')} value={upToRank} onChange={(event) => setUpToRank(event.target.value)} />
        <SelectField
          name="siteId"
          label={t('waitingList.staff.site')}
          value={siteId}
          onChange={(event) => setSiteId(event.target.value)}
          options={[{ value: '', label: t('waitingList.staff.everySite') }, ...sites.map((site) => ({ value: site.id, label: site.name }))]}
        />
      </div>
      <button type="submit" className="button button--primary">
        {t('waitingList.staff.release')}
      </button>
    </form>
  );
}
