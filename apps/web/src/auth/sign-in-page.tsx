import type { AuthConfig } from '@vaccinate/api-contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { splitFieldProblems, type FieldErrors } from '../shared/api/field-errors';
import { Link, Navigate, useNavigate } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { TextField } from '../shared/ui/text-field';
import { useFormFailure } from '../shared/ui/use-form-failure';
import { fetchAuthConfig, login } from './auth-api';
import { useAuth } from './auth-context';
import { looksLikeEmail } from './email-format.util';

const FIELDS = ['email', 'password'] as const;
type SignInField = (typeof FIELDS)[number];

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const api = useApiClient();
  const { state, signedIn } = useAuth();
  usePageTitle(t('signIn.title'));

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { fieldErrors, general: generalErrors, formRef, alertRef, fail } = useFormFailure<SignInField>([]);
  const [submitting, setSubmitting] = useState(false);
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [companySignInNotice, setCompanySignInNotice] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    // Without the config the password form is still offered: it is the default sign-in.
    fetchAuthConfig(api, controller.signal).then(setConfig, () => undefined);
    return () => controller.abort();
  }, [api]);

  if (state.status === 'signed-in') return <Navigate to={paths.staffHome} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: FieldErrors<SignInField> = {};
    if (!email.trim()) local.email = t('validation.required');
    else if (!looksLikeEmail(email)) local.email = t('validation.email');
    if (!password) local.password = t('validation.required');
    if (Object.keys(local).length > 0) return fail(local, []);

    setSubmitting(true);
    try {
      const response = await login(api, { email: email.trim(), password });
      signedIn(response);
      void navigate(paths.staffHome, { replace: true });
    } catch (error) {
      if (error instanceof ApiProblemError && error.status === 401) {
        // Which of the two was wrong is not said, on purpose; the general alert says so.
        fail({}, [t('signIn.invalidCredentials')]);
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

  const localSignIn = config?.localSignIn ?? true;
  return (
    <section className="page page--narrow" aria-labelledby="sign-in-title">
      <div className="card">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="lead">{t('signIn.intro')}</p>
        {state.status === 'signed-out' && state.expired ? <StatusMessage>{t('signIn.sessionEnded')}</StatusMessage> : null}
        <FormAlert ref={alertRef} messages={generalErrors} />
        {localSignIn ? (
          <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
            <TextField
              label={t('signIn.email')}
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={fieldErrors.email}
              required
            />
            <TextField
              label={t('signIn.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fieldErrors.password}
              required
            />
            <button type="submit" className="button button--primary button--block" disabled={submitting}>
              {submitting ? t('signIn.submitting') : t('signIn.submit')}
            </button>
            <p>
              <Link to={paths.forgotPassword}>{t('forgotPassword.link')}</Link>
            </p>
          </form>
        ) : null}
        {config?.oidc ? (
          <div className="sign-in__company">
            {localSignIn ? <p className="divider">{t('signIn.or')}</p> : null}
            <button type="button" className="button button--secondary button--block" onClick={() => setCompanySignInNotice(true)}>
              {t('signIn.companyAccount')}
            </button>
            {/* TODO(oidc): authorization-code flow with PKCE against config.oidc.issuer; the API already accepts the IdP's ID token as Bearer. */}
            {companySignInNotice ? <StatusMessage>{t('signIn.companyAccountPending')}</StatusMessage> : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
