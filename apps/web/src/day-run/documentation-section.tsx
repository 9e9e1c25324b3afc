import { INJECTION_ROUTES, INJECTION_SITES, type InjectionRoute, type InjectionSite, type VisitDetail } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { useDateFormat } from '../shared/time-zone-context';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import { documentVaccination, startConsultation } from './day-run-api';

/** The doctor documents the dose. A barcode scanner types the vial's lot number into the lot field like a keyboard. */
export function DocumentationSection({
  visit,
  isDoctor,
  onConsulting,
  onDocumented,
}: {
  visit: VisitDetail;
  isDoctor: boolean;
  onConsulting: (visit: VisitDetail) => void;
  onDocumented: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useDateFormat();
  const [lotId, setLotId] = useState(visit.usableLots.find((lot) => lot.assignedToDay)?.id ?? visit.usableLots[0]?.id ?? '');
  const [scanned, setScanned] = useState('');
  const [doseNumber, setDoseNumber] = useState(String(visit.derivedDoseNumber));
  const [reason, setReason] = useState('');
  const [injectionSite, setInjectionSite] = useState<InjectionSite>('left_deltoid');
  const [route, setRoute] = useState<InjectionRoute>('intramuscular');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = visit.answers !== null && visit.consent;
  const changedDose = Number(doseNumber) !== visit.derivedDoseNumber;

  if (!isDoctor) {
    return (
      <div className="card">
        <h2>{t('dayRun.visit.documentation')}</h2>
        <p className="field__hint">{t('dayRun.visit.doctorOnly')}</p>
      </div>
    );
  }

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(describeError(cause, t));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await documentVaccination(api, visit.id, {
        lotId,
        ...(changedDose ? { doseNumber: Number(doseNumber), doseNumberReason: reason.trim() } : {}),
        injectionSite,
        route,
        version: visit.version,
      });
      onDocumented();
    });
  };
  const matchScan = (value: string) => {
    setScanned(value);
    const lot = visit.usableLots.find((candidate) => candidate.lotNumber.toLowerCase() === value.trim().toLowerCase());
    if (lot) setLotId(lot.id);
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="documentation-title">
      <h2 id="documentation-title">{t('dayRun.visit.documentation')}</h2>
      {!ready ? <p className="field__hint">{t('problems.visit.consent_missing')}</p> : null}
      {visit.state === 'checked_in' && ready ? (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void act(async () => onConsulting(await startConsultation(api, visit.id, visit.version)))}
          >
            {t('dayRun.visit.startConsultation')}
          </button>
        </div>
      ) : null}
      {visit.usableLots.length === 0 ? <FormAlert messages={[t('dayRun.visit.noLots')]} /> : null}
      <TextField label={t('lots.lotNumber')} name="lotScan" autoComplete="off" value={scanned} onChange={(event) => matchScan(event.target.value)} />
      <SelectField
        label={t('dayRun.visit.lot')}
        name="lotId"
        value={lotId}
        onChange={(event) => setLotId(event.target.value)}
        options={visit.usableLots.map((lot) => ({
          value: lot.id,
          label: `${t('dayRun.visit.lotOption', { lot: lot.lotNumber, expiry: format.day(lot.expiryDate, 'short'), count: lot.dosesLeft })}${lot.assignedToDay ? ` ${t('dayRun.visit.lotOfDay')}` : ''}`,
        }))}
      />
      <TextField
        label={t('dayRun.visit.doseNumber')}
        name="doseNumber"
        type="number"
        min={1}
        max={20}
        hint={t('dayRun.visit.doseNumberHint', { derived: visit.derivedDoseNumber })}
        value={doseNumber}
        onChange={(event) => setDoseNumber(event.target.value)}
      />
      {changedDose ? (
        <TextField label={t('dayRun.visit.doseNumberReason')} name="doseNumberReason" value={reason} required onChange={(event) => setReason(event.target.value)} />
      ) : null}
      <SelectField
        label={t('dayRun.visit.injectionSite')}
        name="injectionSite"
        value={injectionSite}
        onChange={(event) => setInjectionSite(event.target.value as InjectionSite)}
        options={INJECTION_SITES.map((value) => ({ value, label: t(`dayRun.sites.${value}`) }))}
      />
      <SelectField
        label={t('dayRun.visit.route')}
        name="route"
        value={route}
        onChange={(event) => setRoute(event.target.value as InjectionRoute)}
        options={INJECTION_ROUTES.map((value) => ({ value, label: t(`dayRun.routes.${value}`) }))}
      />
      <FormAlert messages={error ? [error] : []} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy || !ready || !lotId || (changedDose && !reason.trim())}>
          {t('dayRun.visit.document')}
        </button>
      </div>
    </form>
  );
}
