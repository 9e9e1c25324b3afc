import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { splitFieldProblems, type FieldErrors } from '../shared/api/field-errors';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { TextField } from '../shared/ui/text-field';
import { useFormFailure } from '../shared/ui/use-form-failure';
import { setPasswordByLink } from './auth-api';

const FIELDS = ['newPassword', 'confirmPassword'] as const;
type PasswordField = (typeof FIELDS)[number];
/** The API's rule; checked here too so the message comes before a round trip. */
const MIN_PASSWORD_LENGTH = 12;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Takes the token from the fragment once and drops it from the address, so it stays out of the history. */
function useLinkToken(): string | null {
  // Read without a side effect (an initializer may run twice); the address is cleaned after the render.
  const [token] = useState(() => {
    const fromFragment = window.location.hash.slice(1);
    return TOKEN.test(fromFragment) ? fromFragment : null;
  });
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  return token;
}

/** The page of an invitation or reset link: choose a password, once. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  usePageTitle(t('setPassword.title'));
  const token = useLinkToken();
  const [values, setValues] = useState<Record<PasswordField, string>>({ newPassword: '', confirmPassword: '' });
  const { fieldErrors, general: generalErrors, formRef, alertRef, fail } = useFormFailure<PasswordField>([]);
  const [linkUsedUp, setLinkUsedUp] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!token) return;
    const local: FieldErrors<PasswordField> = {};
    for (const field of FIELDS) if (!values[field]) local[field] = t('validation.required');
    if (!local.newPassword && values.newPassword.length < MIN_PASSWORD_LENGTH) local.newPassword = t('changePassword.tooShort', { count: MIN_PASSWORD_LENGTH });
    if (!local.confirmPassword && values.confirmPassword !== values.newPassword) local.confirmPassword = t('changePassword.mismatch');
    if (Object.keys(local).length > 0) return fail(local, []);
    setSubmitting(true);
    try {
      await setPasswordByLink(api, { token, newPassword: values.newPassword });
      setDone(true);
    } catch (error) {
      if (error instanceof ApiProblemError && error.code === 'auth.link_invalid') {
        setLinkUsedUp(true);
        fail({}, [describeError(error, t)]);
      } else if (error instanceof ApiProblemError && error.fieldProblems.length > 0) {
        const { byField, other } = splitFieldProblems(error, FIELDS, t);
        fail(byField, other);
      } else {
        fail({}, [describeError(error, t)]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const field = (name: PasswordField, hint?: string) => (
    <TextField
      label={t(`setPassword.${name}`)}
      name={name}
      type="password"
      autoComplete="new-password"
      value={values[name]}
      onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
      error={fieldErrors[name]}
      hint={hint}
      required
    />
  );

  let body;
  if (done) {
    body = (
      <>
        <StatusMessage tone="success">{t('setPassword.done')}</StatusMessage>
        <Link className="button button--primary button--block" to={paths.signIn}>
          {t('setPassword.signIn')}
        </Link>
      </>
    );
  } else if (!token) {
    body = <StatusMessage>{t('setPassword.missingLink')}</StatusMessage>;
  } else {
    body = (
      <>
        <p className="lead">{t('setPassword.intro')}</p>
        <FormAlert ref={alertRef} messages={generalErrors} />
        {linkUsedUp ? null : (
          <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
            {field('newPassword', t('setPassword.newPasswordHint', { count: MIN_PASSWORD_LENGTH }))}
            {field('confirmPassword')}
            <button type="submit" className="button button--primary button--block" disabled={submitting}>
              {submitting ? t('common.saving') : t('setPassword.submit')}
            </button>
          </form>
        )}
      </>
    );
  }

  return (
    <section className="page page--narrow" aria-labelledby="set-password-title">
      <div className="card">
        <h1 id="set-password-title">{t('setPassword.title')}</h1>
        {body}
        {!done && (!token || linkUsedUp) ? (
          <p>
            <Link to={paths.forgotPassword}>{t('setPassword.askAgain')}</Link>
          </p>
        ) : null}
      </div>
    </section>
  );
}
