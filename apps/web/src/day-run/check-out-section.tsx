import type { CheckOutPlan, CheckOutRequest, VisitDetail } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { useDateFormat } from '../shared/time-zone-context';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import { StatusMessage } from '../shared/ui/status-message';
import { checkOut, fetchCheckOutPlan, fetchNextDoseTimes } from './day-run-api';

type Action = CheckOutRequest['followUp']['action'];

/** Check-out: the person sees and accepts the next appointment (kept, moved or booked inside the interval). */
export function CheckOutSection({ visit, onCheckedOut }: { visit: VisitDetail; onCheckedOut: (visit: VisitDetail) => void }) {
  const { t } = useTranslation();
  const [finished, setFinished] = useState<Action | null>(null);
  const query = useStaffQuery(`check-out:${visit.id}:${visit.state}`, async (api, signal) => {
    const plan = await fetchCheckOutPlan(api, visit.id, signal);
    const next = plan.nextDose;
    if (!next) return { plan, times: [] };
    const availability = await fetchNextDoseTimes(api, visit.product.id, next.doseKind === 'booster' ? 'booster' : 'followUp', signal);
    const times = availability.days
      .filter((day) => day.date >= next.window.earliest && day.date <= next.window.latest)
      .flatMap((day) => day.slots.filter((slot) => slot.free > 0).map((slot) => ({ slotId: slot.slotId, startsAt: slot.startsAt })));
    return { plan, times };
  });
  if (visit.state === 'done') {
    return (
      <StatusMessage tone="success">
        {finished && finished !== 'none' && finished !== 'confirm' ? t('dayRun.visit.finished') : t('dayRun.visit.finishedNoMail')}
      </StatusMessage>
    );
  }
  return (
    <section className="card" aria-labelledby="check-out-title">
      <h2 id="check-out-title">{t('dayRun.visit.checkOut')}</h2>
      <QueryState resource={query.resource} retry={query.refresh}>
        {({ plan, times }) => (
          <CheckOutForm
            visit={visit}
            plan={plan}
            times={times}
            onDone={(action, next) => {
              setFinished(action);
              onCheckedOut(next);
            }}
          />
        )}
      </QueryState>
    </section>
  );
}

function CheckOutForm({
  visit,
  plan,
  times,
  onDone,
}: {
  visit: VisitDetail;
  plan: CheckOutPlan;
  times: { slotId: string; startsAt: string }[];
  onDone: (action: Action, visit: VisitDetail) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useDateFormat();
  const next = plan.nextDose;
  const [action, setAction] = useState<Action>(next ? (next.reserved ? 'confirm' : 'book') : 'none');
  const [slotId, setSlotId] = useState('');
  const [earlyReason, setEarlyReason] = useState('');
  // Decided when the form is shown: the observation timer above says when it ends.
  const [early] = useState(() => visit.observationUntil !== null && new Date(visit.observationUntil).getTime() > Date.now());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsSlot = action === 'move' || action === 'book';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const followUp: CheckOutRequest['followUp'] = action === 'move' || action === 'book' ? { action, slotId } : { action };
      onDone(action, await checkOut(api, visit.id, { followUp, ...(early ? { earlyReason: earlyReason.trim() } : {}), version: visit.version }));
    } catch (cause) {
      setError(describeError(cause, t));
      setBusy(false);
    }
  };

  const choices: Action[] = next ? (next.reserved ? ['confirm', 'move', 'none'] : ['book', 'none']) : ['none'];
  const label: Record<Action, string> = {
    confirm: t('dayRun.visit.confirmReserved'),
    move: t('dayRun.visit.moveTo'),
    book: t('dayRun.visit.bookNow'),
    none: t('dayRun.visit.noNow'),
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      {next ? (
        <>
          <p>
            {t('dayRun.visit.nextDose', { dose: next.doseNumber, earliest: format.day(next.window.earliest, 'short'), latest: format.day(next.window.latest, 'short') })}
          </p>
          {next.reserved ? <p>{t('dayRun.visit.reservedAt', { when: format.dateTime(next.reserved.startsAt), site: next.reserved.siteName })}</p> : null}
          <fieldset className="fieldset">
            <legend className="visually-hidden">{t('dayRun.visit.checkOut')}</legend>
            {choices.map((choice) => (
              <label key={choice} className="choice">
                <input type="radio" name="followUpAction" value={choice} checked={action === choice} onChange={() => setAction(choice)} />
                <span>{label[choice]}</span>
              </label>
            ))}
          </fieldset>
          {needsSlot ? (
            times.length > 0 ? (
              <SelectField
                label={t('dayRun.visit.chooseSlot')}
                name="slotId"
                placeholder={t('common.choose')}
                value={slotId}
                onChange={(event) => setSlotId(event.target.value)}
                options={times.map((time) => ({ value: time.slotId, label: format.dateTime(time.startsAt) }))}
              />
            ) : (
              <p className="field__hint">{t('dayRun.visit.noSlots')}</p>
            )
          ) : null}
        </>
      ) : (
        <p>{t('dayRun.visit.noNextDose')}</p>
      )}
      {early && visit.observationUntil ? (
        <div className="alert alert--warning" role="note">
          <p>{t('dayRun.visit.earlyWarning', { time: format.time(visit.observationUntil) })}</p>
          <TextField
            label={t('dayRun.visit.earlyReason')}
            name="earlyReason"
            required
            maxLength={500}
            value={earlyReason}
            onChange={(event) => setEarlyReason(event.target.value)}
          />
        </div>
      ) : null}
      <FormAlert messages={error ? [error] : []} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy || (needsSlot && !slotId) || (early && !earlyReason.trim())}>
          {t('dayRun.visit.finish')}
        </button>
      </div>
    </form>
  );
}
