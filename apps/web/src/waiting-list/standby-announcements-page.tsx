import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { ApiProblemError } from '../shared/api/api-error';
import { describeError } from '../shared/api/error-message';
import { fetchCatalogue } from '../booking/booking-api';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import type { Announcement } from '@vaccinate/api-contracts';
import { groupRepeats } from './repeat-groups';
import { announceSpareDoses, fetchAnnouncements, fetchConfirmed, fetchProposals, type SpareDoseProposal } from './waiting-list-api';

/** On the day: "N doses of P left at S until T"; offers go out in waves, the table shows how they are taken. */
export function StandbyAnnouncementsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('waitingList.announcements.title'));
  const query = useStaffQuery('standby-announcements', async (api, signal) => {
    const [announcements, catalogue, proposals] = await Promise.all([fetchAnnouncements(api, signal), fetchCatalogue(api, signal), fetchProposals(api, signal)]);
    return { announcements, catalogue, proposals };
  });
  const [prefill, setPrefill] = useState<SpareDoseProposal | null>(null);
  return (
    <section className="page" aria-labelledby="announcements-title">
      <h1 id="announcements-title">{t('waitingList.announcements.title')}</h1>
      <QueryState resource={query.resource} retry={query.refresh}>
        {({ announcements, catalogue, proposals }) => (
          <>
            {proposals.length > 0 ? (
              <ul data-testid="spare-dose-proposals">
                {proposals.map((proposal) => (
                  <li key={`${proposal.dayId}-${proposal.productId}`}>
                    {t(proposal.expiresToday ? 'waitingList.announcements.proposalExpiring' : 'waitingList.announcements.proposal', {
                      doses: proposal.doses,
                      product: catalogue.products.find((product) => product.id === proposal.productId)?.name,
                      site: catalogue.sites.find((site) => site.id === proposal.siteId)?.name,
                    })}{' '}
                    <button type="button" className="button button--secondary" onClick={() => setPrefill(proposal)}>
                      {t('waitingList.announcements.useProposal')}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <AnnounceForm
              key={prefill ? `${prefill.dayId}-${prefill.productId}` : 'empty'}
              prefill={prefill}
              sites={catalogue.sites}
              products={catalogue.products}
              onAnnounced={query.refresh}
            />
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    {(['site', 'product', 'until', 'doses', 'offered', 'sms', 'taken', 'coming'] as const).map((column) => (
                      <th key={column} scope="col">
                        {t(`waitingList.announcements.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {groupRepeats(announcements, announcementLine).map(({ item: announcement, items, count }) => (
                    <tr key={announcement.id}>
                      <td>
                        {catalogue.sites.find((site) => site.id === announcement.siteId)?.name}
                        {count > 1 ? <span> {t('waitingList.announcements.repeated', { count })}</span> : null}
                      </td>
                      <td>{catalogue.products.find((product) => product.id === announcement.productId)?.name}</td>
                      <td>{new Date(announcement.availableUntil).toLocaleString(i18n.language)}</td>
                      <td className="num">{announcement.doses}</td>
                      <td className="num">{announcement.offered}</td>
                      <td data-testid="announcement-sms">
                        <SmsOutcome items={items} />
                      </td>
                      <td className="num">{announcement.taken}</td>
                      <td>
                        <ComingList announcementIds={items.map((item) => item.id)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}

function AnnounceForm({
  prefill,
  sites,
  products,
  onAnnounced,
}: {
  prefill: SpareDoseProposal | null;
  sites: { id: string; name: string }[];
  products: { id: string; name: string }[];
  onAnnounced: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const until = prefill ? new Date(prefill.availableUntil).toTimeString().slice(0, 5) : '17:00';
  const [values, setValues] = useState({
    siteId: prefill?.siteId ?? '',
    productId: prefill?.productId ?? '',
    doses: String(prefill?.doses ?? 1),
    until,
    offerMinutes: '30',
    overbookingFactor: '1.5',
  });
  const [errors, setErrors] = useState<string[]>([]);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    const [hours, minutes] = values.until.split(':').map(Number);
    const until = new Date();
    until.setHours(hours ?? 17, minutes ?? 0, 0, 0);
    try {
      await announceSpareDoses(api, {
        siteId: values.siteId,
        productId: values.productId,
        doses: Number(values.doses),
        availableUntil: until.toISOString(),
        offerMinutes: Number(values.offerMinutes),
        overbookingFactor: Number(values.overbookingFactor),
      });
      onAnnounced();
    } catch (error) {
      const fields = error instanceof ApiProblemError ? error.fieldProblems.map((problem) => `${problem.field}: ${problem.message}`) : [];
      setErrors(fields.length > 0 ? fields : [describeError(error, t)]);
    }
  };

  return (
    <form className="form card" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="announce-title">
      <h2 id="announce-title">{t('waitingList.announcements.announce')}</h2>
      <FormAlert messages={errors} />
      <div className="form__grid">
        <SelectField
          name="siteId"
          label={t('waitingList.announcements.site')}
          placeholder={t('common.choose')}
          value={values.siteId}
          onChange={set('siteId')}
          options={sites.map((site) => ({ value: site.id, label: site.name }))}
        />
        <SelectField
          name="productId"
          label={t('waitingList.announcements.product')}
          placeholder={t('common.choose')}
          value={values.productId}
          onChange={set('productId')}
          options={products.map((product) => ({ value: product.id, label: product.name }))}
        />
        <TextField name="doses" type="number" min={1} label={t('waitingList.announcements.doses')} value={values.doses} onChange={set('doses')} />
        <TextField name="until" type="time" label={t('waitingList.announcements.until')} value={values.until} onChange={set('until')} />
        <TextField
          name="offerMinutes"
          type="number"
          min={5}
          label={t('waitingList.announcements.offerMinutes')}
          value={values.offerMinutes}
          onChange={set('offerMinutes')}
        />
        <TextField
          name="overbookingFactor"
          type="number"
          step="0.1"
          min={1}
          label={t('waitingList.announcements.overbookingFactor')}
          value={values.overbookingFactor}
          onChange={set('overbookingFactor')}
        />
      </div>
      <button type="submit" className="button button--primary">
        {t('waitingList.announcements.submit')}
      </button>
    </form>
  );
}

/** What a table line shows: announcements that read the same (a dose announced again and again) make one line. */
/** How the text messages of a line's announcements fared, summed over the repeats it stands for. */
function SmsOutcome({ items }: { items: Announcement[] }) {
  const { t } = useTranslation();
  const sms = { sent: 0, delivered: 0, failed: 0 };
  for (const { sms: each } of items) {
    sms.sent += each.sent;
    sms.delivered += each.delivered;
    sms.failed += each.failed;
  }
  return <>{sms.sent + sms.delivered + sms.failed === 0 ? '–' : t('waitingList.announcements.smsStatus', sms)}</>;
}

function announcementLine(announcement: Announcement): string {
  const { siteId, productId, availableUntil, doses, offered, taken } = announcement;
  return JSON.stringify([siteId, productId, availableUntil, doses, offered, taken]);
}

/** Names of those who confirmed, loaded on request (reading them is audited); a name confirmed more than once shows once with its count. */
function ComingList({ announcementIds }: { announcementIds: string[] }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [names, setNames] = useState<string[] | null>(null);
  const show = async () => {
    const coming = (await Promise.all(announcementIds.map((id) => fetchConfirmed(api, id)))).flat();
    setNames(
      groupRepeats(coming, (member) => member.memberId).map(({ item, count }) =>
        count > 1 ? t('waitingList.announcements.nameTimes', { name: item.givenName, count }) : item.givenName,
      ),
    );
  };
  if (names) return <>{names.length > 0 ? names.join(', ') : '—'}</>;
  return (
    <button type="button" className="button button--secondary" onClick={() => void show()}>
      {t('waitingList.announcements.showComing')}
    </button>
  );
}
