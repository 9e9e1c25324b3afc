import { INJECTION_ROUTES, INJECTION_SITES, type InjectionRoute, type InjectionSite, type VisitDetail } from '@vaccinate/api-contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { useDateFormat } from '../shared/time-zone-context';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import { acknowledgeFlags, documentVaccination, startConsultation } from './day-run-api';

type UsableLot = VisitDetail['usableLots'][number];

/** The lot in stock whose number was chosen, typed or scanned; case and spaces around do not matter. */
export function lotByNumber(lots: readonly UsableLot[], typed: string): UsableLot | null {
  const wanted = typed.trim().toLowerCase();
  return wanted ? (lots.find((lot) => lot.lotNumber.toLowerCase() === wanted) ?? null) : null;
}

/**
 * The doctor documents the dose. One lot field: pick a lot in stock from its list, or type its number;
 * a barcode scanner types the vial's lot number into it like a keyboard. Flagged answers need the
 * doctor's acknowledgement first.
 */
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
  const lotListId = useId();
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const format = useDateFormat();
  const [lotNumber, setLotNumber] = useState((visit.usableLots.find((lot) => lot.assignedToDay) ?? visit.usableLots[0])?.lotNumber ?? '');
  const lot = lotByNumber(visit.usableLots, lotNumber);
  const [doseNumber, setDoseNumber] = useState(String(visit.derivedDoseNumber));
  const [reason, setReason] = useState('');
  const [injectionSite, setInjectionSite] = useState<InjectionSite>('left_deltoid');
  const [route, setRoute] = useState<InjectionRoute>('intramuscular');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const flagged = visit.answers?.flagged ?? [];
  const needsAcknowledgement = flagged.length > 0 && visit.flagsAcknowledged === null;
  const ready = visit.answers !== null && visit.consent && !needsAcknowledgement;
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
      if (!lot) return;
      await documentVaccination(api, visit.id, {
        lotId: lot.id,
        ...(changedDose ? { doseNumber: Number(doseNumber), doseNumberReason: reason.trim() } : {}),
        injectionSite,
        route,
        version: visit.version,
      });
      onDocumented();
    });
  };
  const language = visit.questionnaire.questions.length > 0 && i18n.language.startsWith('de') ? 'de' : 'en';

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="documentation-title">
      <h2 id="documentation-title">{t('dayRun.visit.documentation')}</h2>
      {visit.answers === null || !visit.consent ? <p className="field__hint">{t('problems.visit.consent_missing')}</p> : null}
      {flagged.length > 0 ? (
        <div className={`alert ${needsAcknowledgement ? 'alert--warning' : 'alert--info'}`} role="note" aria-labelledby="flags-title">
          <p id="flags-title">
            <strong>{t('dayRun.visit.flagsTitle')}</strong>
          </p>
          <ul>
            {flagged.map((key) => (
              <li key={key}>
                {visit.questionnaire.questions.find((question) => question.key === key)?.text[language] ?? key}:{' '}
                {t(`dayRun.visit.${visit.answers?.answers[key] ?? 'yes'}`)}
              </li>
            ))}
          </ul>
          {visit.flagsAcknowledged ? (
            <p>
              {t('dayRun.visit.flagsAcknowledged', {
                name: visit.flagsAcknowledged.by.name ?? visit.flagsAcknowledged.by.id,
                time: format.time(visit.flagsAcknowledged.at),
              })}
            </p>
          ) : (
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void act(async () => onConsulting(await acknowledgeFlags(api, visit.id, visit.version)))}
              >
                {t('dayRun.visit.acknowledgeFlags')}
              </button>
            </div>
          )}
        </div>
      ) : null}
      {visit.state === 'checked_in' && visit.answers !== null && visit.consent ? (
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
      <TextField
        label={t('dayRun.visit.lot')}
        name="lotNumber"
        autoComplete="off"
        spellCheck={false}
        list={lotListId}
        hint={
          lot
            ? `${t('dayRun.visit.lotOption', { lot: lot.lotNumber, expiry: format.day(lot.expiryDate, 'short'), count: lot.dosesLeft })}${lot.assignedToDay ? ` ${t('dayRun.visit.lotOfDay')}` : ''}`
            : t('dayRun.visit.lotHint')
        }
        error={lotNumber.trim() && !lot ? t('dayRun.visit.lotNotInStock') : undefined}
        value={lotNumber}
        onChange={(event) => setLotNumber(event.target.value)}
      />
      <datalist id={lotListId}>
        {visit.usableLots.map((usable) => (
          <option key={usable.id} value={usable.lotNumber}>
            {t('dayRun.visit.lotOption', { lot: usable.lotNumber, expiry: format.day(usable.expiryDate, 'short'), count: usable.dosesLeft })}
          </option>
        ))}
      </datalist>
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
        <button type="submit" className="button button--primary" disabled={busy || !ready || !lot || (changedDose && !reason.trim())}>
          {t('dayRun.visit.document')}
        </button>
      </div>
    </form>
  );
}
