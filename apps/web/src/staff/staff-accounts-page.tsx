import { STAFF_ROLES, type StaffMember, type StaffRole } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { looksLikeEmail } from '../auth/email-format.util';
import { ApiProblemError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { splitFieldProblems, type FieldErrors } from '../shared/api/field-errors';
import { MAIL_LOCALE_NAMES, pageLocale, type MailLocale } from '../shared/mail-locale';
import { QueryState } from '../shared/query-state';
import { useDateFormat } from '../shared/time-zone-context';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { StatusMessage } from '../shared/ui/status-message';
import { TextField } from '../shared/ui/text-field';
import { useFormFailure } from '../shared/ui/use-form-failure';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { changeStaffRoles, deactivateStaff, inviteStaff, listStaffMembers, resendInvitation } from './staff-accounts-api';

/** Roles form a chain (assistant < doctor < admin): a member is shown and set by the highest one. */
function highestRole(roles: readonly StaffRole[]): StaffRole {
  return [...STAFF_ROLES].reverse().find((role) => roles.includes(role)) ?? 'assistant';
}

/** For admins: every staff account, the invitation form, and per account re-send, role change and deactivation. */
export function StaffAccountsPage() {
  const { t } = useTranslation();
  usePageTitle(t('staffAccounts.title'));
  const query = useStaffQuery('staff-accounts', (api, signal) => listStaffMembers(api, signal));
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => {
    setNotice(message);
    query.refresh();
  };

  return (
    <section className="page" aria-labelledby="staff-accounts-title">
      <h1 id="staff-accounts-title">{t('staffAccounts.title')}</h1>
      <p className="lead">{t('staffAccounts.intro')}</p>
      {notice ? <StatusMessage tone="success">{notice}</StatusMessage> : null}
      <InviteForm onInvited={changed} />
      <QueryState resource={query.resource} retry={query.refresh}>
        {(members) => <StaffTable members={members} onChanged={changed} />}
      </QueryState>
    </section>
  );
}

const INVITE_FIELDS = ['email', 'displayName', 'roles', 'locale'] as const;
type InviteField = (typeof INVITE_FIELDS)[number];

function InviteForm({ onInvited }: { onInvited: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const [values, setValues] = useState<{ email: string; displayName: string; role: StaffRole | ''; locale: MailLocale }>({
    email: '',
    displayName: '',
    role: '',
    locale: pageLocale(i18n.language),
  });
  const { fieldErrors, general: generalErrors, formRef, alertRef, fail, clear } = useFormFailure<InviteField>([]);
  const [submitting, setSubmitting] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: FieldErrors<InviteField> = {};
    if (!values.email.trim()) local.email = t('validation.required');
    else if (!looksLikeEmail(values.email)) local.email = t('validation.email');
    if (!values.displayName.trim()) local.displayName = t('validation.required');
    if (!values.role) local.roles = t('validation.required');
    if (Object.keys(local).length > 0 || !values.role) return fail(local, []);
    setSubmitting(true);
    try {
      const email = values.email.trim();
      await inviteStaff(api, { email, displayName: values.displayName.trim(), roles: [values.role], locale: values.locale });
      setValues((current) => ({ ...current, email: '', displayName: '', role: '' }));
      clear();
      onInvited(t('staffAccounts.invited', { email }));
    } catch (error) {
      if (error instanceof ApiProblemError && error.fieldProblems.length > 0) {
        const { byField, other } = splitFieldProblems(error, INVITE_FIELDS, t);
        // `roles.0` and the like belong to the role select.
        const roleProblem = error.fieldProblems.find((problem) => problem.field.replace(/^body\./, '').startsWith('roles.'));
        fail(roleProblem ? { ...byField, roles: t('validation.invalid') } : byField, roleProblem ? other.slice(1) : other);
      } else {
        fail({}, [describeError(error, t)]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="card">
      <h2>{t('staffAccounts.inviteTitle')}</h2>
      <FormAlert ref={alertRef} messages={generalErrors} />
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('staffAccounts.email')}
          name="email"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(event) => setValues((current) => ({ ...current, email: event.target.value }))}
          error={fieldErrors.email}
          required
        />
        <TextField
          label={t('staffAccounts.displayName')}
          name="displayName"
          autoComplete="off"
          value={values.displayName}
          onChange={(event) => setValues((current) => ({ ...current, displayName: event.target.value }))}
          error={fieldErrors.displayName}
          required
        />
        <SelectField
          label={t('staffAccounts.role')}
          name="roles"
          placeholder={t('common.choose')}
          options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          value={values.role}
          onChange={(event) => setValues((current) => ({ ...current, role: event.target.value as StaffRole | '' }))}
          error={fieldErrors.roles}
          required
        />
        <SelectField
          label={t('staffAccounts.locale')}
          name="locale"
          options={Object.entries(MAIL_LOCALE_NAMES).map(([value, label]) => ({ value, label }))}
          value={values.locale}
          onChange={(event) => setValues((current) => ({ ...current, locale: event.target.value as MailLocale }))}
          error={fieldErrors.locale}
        />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('staffAccounts.inviting') : t('staffAccounts.invite')}
        </button>
      </form>
    </div>
  );
}

function StaffTable({ members, onChanged }: { members: readonly StaffMember[]; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="table__caption">{t('staffAccounts.listCaption')}</caption>
        <thead>
          <tr>
            {(['name', 'email', 'role', 'status', 'lastSignIn', 'actions'] as const).map((column) => (
              <th key={column} scope="col">
                {t(`staffAccounts.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <StaffRow key={member.id} member={member} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StaffRow({ member, onChanged }: { member: StaffMember; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useDateFormat();
  const [role, setRole] = useState<StaffRole>(highestRole(member.roles));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = member.status !== 'deactivated';

  const act = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged(message);
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const deactivate = () => {
    if (!window.confirm(t('staffAccounts.confirmDeactivate', { name: member.displayName }))) return;
    void act(() => deactivateStaff(api, member.id), t('staffAccounts.deactivated', { name: member.displayName }));
  };

  return (
    <tr data-testid={`staff-${member.email}`}>
      <th scope="row">{member.displayName}</th>
      <td>{member.email}</td>
      <td>
        {active ? (
          <SelectField
            label={t('staffAccounts.roleFor', { name: member.displayName })}
            name={`role-${member.id}`}
            options={STAFF_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
            value={role}
            onChange={(event) => setRole(event.target.value as StaffRole)}
          />
        ) : (
          t(`roles.${highestRole(member.roles)}`)
        )}
      </td>
      <td>
        <span>{t(`staffAccounts.status.${member.status}`)}</span>
        {member.invitationExpiresAt ? (
          <div className="field__hint">{t('staffAccounts.invitationUntil', { when: format.dateTime(member.invitationExpiresAt) })}</div>
        ) : null}
      </td>
      <td>{member.lastSignInAt ? format.dateTime(member.lastSignInAt) : t('staffAccounts.never')}</td>
      <td>
        {error ? <FormAlert messages={[error]} /> : null}
        {active ? (
          <div className="actions">
            {role !== highestRole(member.roles) ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => void act(() => changeStaffRoles(api, member.id, { roles: [role] }), t('staffAccounts.roleChanged', { name: member.displayName }))}
              >
                {t('staffAccounts.changeRole')}
              </button>
            ) : null}
            {member.status === 'invited' ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => void act(() => resendInvitation(api, member.id), t('staffAccounts.resent'))}
              >
                {t('staffAccounts.resend')}
              </button>
            ) : null}
            <button type="button" className="button button--ghost" disabled={busy} onClick={deactivate}>
              {t('staffAccounts.deactivate')}
            </button>
          </div>
        ) : null}
      </td>
    </tr>
  );
}
