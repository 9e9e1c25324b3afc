import type { IssuedCertificateResponse } from '@vaccinate/api-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';

/** A doctor mails the person a new certificate link for this dose (a lost mail, a new address). */
export function SendCertificateButton({ vaccinationId }: { vaccinationId: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [state, setState] = useState<{ status: 'idle' | 'sending' | 'sent' } | { status: 'failed'; message: string }>({ status: 'idle' });

  async function send() {
    setState({ status: 'sending' });
    try {
      await api.post<IssuedCertificateResponse>(`/vaccinations/${encodeURIComponent(vaccinationId)}/certificates`, {});
      setState({ status: 'sent' });
    } catch (error) {
      setState({ status: 'failed', message: describeError(error, t) });
    }
  }

  return (
    <>
      <button type="button" className="button button--secondary" disabled={state.status === 'sending'} onClick={() => void send()}>
        {state.status === 'sending' ? t('certificate.sending') : t('certificate.send')}
      </button>
      <span role="status">{state.status === 'sent' ? t('certificate.sent') : state.status === 'failed' ? state.message : ''}</span>
    </>
  );
}
