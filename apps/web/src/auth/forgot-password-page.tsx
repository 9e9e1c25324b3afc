import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { splitFieldProblems } from '../shared/api/field-errors';
import { pageLocale } from '../shared/mail-locale';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { TextField } from '../shared/ui/text-field';
import { useFormFailure } from '../shared/ui/use-form-failure';
import { requestPasswordReset } from './auth-api';
import { looksLikeEmail } from './email-format.util';

const FIELDS = ['email'] as const;

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  usePageTitle(t('forgotPassword.title'));
  const [email, setEmail] = useState('');
  const { fieldErrors, general: generalErrors, formRef, alertRef, fail, clear } = useFormFailure<'email'>([]);
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim()) return fail({ email: t('validation.required') }, []);
    if (!looksLikeEmail(email)) return fail({ email: t('validation.email') }, []);
    setSubmitting(true);
    try {
      await requestPasswordReset(api, { email: email.trim(), locale: pageLocale(i18n.language) });
      clear();
      setSent(true);
    } catch (error) {
      if (error instanceof ApiProblemError && error.fieldProblems.length > 0) {
        const { byField, other } = splitFieldProblems(error, FIELDS, t);
        fail(byField, other);
      } else {
        fail({}, [describeError(error, t)]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="page page--narrow" aria-labelledby="forgot-password-title">
      <div className="card">
        <h1 id="forgot-password-title">{t('forgotPassword.title')}</h1>
        {sent ? (
          <StatusMessage tone="success">{t('forgotPassword.sent')}</StatusMessage>
        ) : (
          <>
            <p className="lead">{t('forgotPassword.intro')}</p>
            <FormAlert ref={alertRef} messages={generalErrors} />
            <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
              <TextField
                label={t('forgotPassword.email')}
                name="email"
                type="email"
                autoComplete="username"
                inputMode="email"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                error={fieldErrors.email}
                required
              />
              <button type="submit" className="button button--primary button--block" disabled={submitting}>
                {submitting ? t('forgotPassword.submitting') : t('forgotPassword.submit')}
              </button>
            </form>
          </>
        )}
        <p>
          <Link to={paths.signIn}>{t('forgotPassword.backToSignIn')}</Link>
        </p>
      </div>
    </section>
  );
}
