import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import type { ApiClient } from '../shared/api/api-client';
import { describeError } from '../shared/api/error-message';
import { saveFile } from './file-download';

interface DownloadButtonProps {
  label: string;
  fileName: string;
  /** Fetches the file with the staff token in a header (`api.blob`). */
  load: (api: ApiClient) => Promise<Blob>;
}

/** A button that fetches a file and saves it; a failure is said next to it. */
export function DownloadButton({ label, fileName, load }: DownloadButtonProps) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      saveFile(await load(api), fileName);
    } catch (cause) {
      setError(describeError(cause, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="download-button">
      <button type="button" className="button button--secondary" onClick={() => void download()} disabled={busy}>
        {busy ? t('dayAdmin.downloading') : label}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
