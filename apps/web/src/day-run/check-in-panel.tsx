import { IDENTITY_DOCUMENTS, normalizeBookingCode, type BoardEntry, type IdentityDocument } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { useDateFormat } from '../shared/time-zone-context';
import { formatBirthDate } from '../people/birth-date-format.util';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import { checkIn } from './day-run-api';
import { QrScanner } from '../shared/ui/qr-scanner';

/**
 * Finds today's appointment by the QR code, the typed booking code or the name, then asks for the
 * identity check before checking in. Searching happens in the board already loaded: no name leaves the page.
 */
export function CheckInPanel({ dayId, entries, onCheckedIn }: { dayId: string; entries: BoardEntry[]; onCheckedIn: (entry: BoardEntry) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<BoardEntry | null>(null);
  const [notFound, setNotFound] = useState(false);

  const findByCode = (value: string) => {
    const wanted = normalizeBookingCode(value);
    const matches = entries.filter((entry) => normalizeBookingCode(entry.bookingCode) === wanted && entry.state !== 'cancelled');
    const match = matches.find((entry) => entry.state === 'booked') ?? matches[0] ?? null;
    setNotFound(match === null);
    setSelected(match);
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    findByCode(code);
  };
  const nameMatches =
    name.trim().length >= 2
      ? entries.filter((entry) => entry.state === 'booked' && `${entry.person.givenName} ${entry.person.familyName}`.toLowerCase().includes(name.trim().toLowerCase()))
      : [];

  if (selected) {
    return (
      <IdentityConfirmation
        dayId={dayId}
        entry={selected}
        onDone={(entry) => {
          setSelected(null);
          setCode('');
          setName('');
          onCheckedIn(entry);
        }}
        onBack={() => setSelected(null)}
      />
    );
  }
  return (
    <div className="card check-in">
      <h2>{t('dayRun.checkIn.title')}</h2>
      <form className="check-in__code" onSubmit={submitCode} noValidate>
        <TextField
          label={t('dayRun.checkIn.code')}
          name="bookingCode"
          hint={t('dayRun.checkIn.codeHint')}
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(event) => setCode(event.target.value)}
          error={notFound ? t('dayRun.checkIn.noMatch') : undefined}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('dayRun.checkIn.find')}
          </button>
          <button type="button" className="button button--secondary" aria-pressed={scanning} onClick={() => setScanning((on) => !on)}>
            {scanning ? t('dayRun.checkIn.stopScan') : t('dayRun.checkIn.scan')}
          </button>
        </div>
      </form>
      {scanning ? (
        <QrScanner
          label={t('dayRun.checkIn.scanning')}
          hint={t('dayRun.checkIn.scanning')}
          unavailable={t('dayRun.checkIn.cameraUnavailable')}
          onCode={(scanned) => {
            setScanning(false);
            setCode(scanned);
            findByCode(scanned);
          }}
        />
      ) : null}
      <TextField
        label={t('dayRun.checkIn.search')}
        hint={t('dayRun.checkIn.searchHint')}
        name="personSearch"
        type="search"
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      {nameMatches.length > 0 ? (
        <ul className="choice-list">
          {nameMatches.slice(0, 8).map((entry) => (
            <li key={entry.appointmentId}>
              <button type="button" className="button button--ghost" onClick={() => setSelected(entry)}>
                {entry.person.givenName} {entry.person.familyName} · {entry.bookingCode}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={paths.walkIn(dayId)}>{t('dayRun.checkIn.walkIn')}</Link>
      </p>
    </div>
  );
}

function IdentityConfirmation({ dayId, entry, onDone, onBack }: { dayId: string; entry: BoardEntry; onDone: (entry: BoardEntry) => void; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const format = useDateFormat();
  const [document, setDocument] = useState<IdentityDocument | ''>('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = `${entry.person.givenName} ${entry.person.familyName}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!document || !checked) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await checkIn(api, dayId, { appointmentId: entry.appointmentId, identityChecked: true, identityDocument: document }));
    } catch (cause) {
      setError(describeError(cause, t));
      setBusy(false);
    }
  };

  return (
    <form className="card check-in" onSubmit={(event) => void submit(event)} aria-labelledby="identity-title">
      <h2 id="identity-title">{t('dayRun.checkIn.confirmTitle')}</h2>
      <p className="profile__name">{name}</p>
      <p>{t('dayRun.checkIn.birthDate', { date: formatBirthDate(entry.person.birthDate, i18n.language) })}</p>
      <p>
        {format.time(entry.startsAt)} · {t('dayRun.board.doseLine', { product: entry.productName, dose: entry.doseNumber })} · {entry.bookingCode}
      </p>
      {entry.state !== 'booked' ? (
        <p className="badge badge--warning">
          {t('dayRun.checkIn.alreadyCheckedIn')}: {t(`dayRun.states.${entry.state}`)}
        </p>
      ) : null}
      <FormAlert messages={error ? [error] : []} />
      {entry.state === 'booked' ? (
        <>
          <SelectField
            label={t('dayRun.checkIn.document')}
            name="identityDocument"
            placeholder={t('common.choose')}
            value={document}
            required
            options={IDENTITY_DOCUMENTS.map((value) => ({ value, label: t(`dayRun.documents.${value}`) }))}
            onChange={(event) => setDocument(event.target.value as IdentityDocument | '')}
          />
          <label className="checkbox">
            <input type="checkbox" checked={checked} onChange={(event) => setChecked(event.target.checked)} />
            <span>{t('dayRun.checkIn.identityChecked')}</span>
          </label>
        </>
      ) : null}
      <div className="actions">
        {entry.state === 'booked' ? (
          <button type="submit" className="button button--primary" disabled={busy || !document || !checked}>
            {t('dayRun.checkIn.confirm')}
          </button>
        ) : entry.visitId ? (
          <Link className="button button--primary" to={paths.visit(entry.visitId)}>
            {t('dayRun.board.openVisit')}
          </Link>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('dayRun.checkIn.cancel')}
        </button>
      </div>
    </form>
  );
}
