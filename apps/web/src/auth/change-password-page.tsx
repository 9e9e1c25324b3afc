import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { splitFieldProblems, type FieldErrors } from '../shared/api/field-errors';
import { useNavigate } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { TextField } from '../shared/ui/text-field';
import { useFormFailure } from '../shared/ui/use-form-failure';
import { changePassword } from './auth-api';
import { useAuth } from './auth-context';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type PasswordField = (typeof FIELDS)[number];
/** The API's rule (auth.weak_password); checked here too so the message comes before a round trip. */
const MIN_PASSWORD_LENGTH = 12;

/** `forced` when the account still has its initial password: nothing else opens until it is changed. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const api = useApiClient();
  const { signedIn } = useAuth();
  usePageTitle(t('changePassword.title'));

  const [values, setValues] = useState<Record<PasswordField, string>>({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const { fieldErrors, general: generalErrors, formRef, alertRef, fail } = useFormFailure<PasswordField>([]);
  const [submitting, setSubmitting] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: FieldErrors<PasswordField> = {};
    for (const field of FIELDS) if (!values[field]) local[field] = t('validation.required');
    if (!local.newPassword && values.newPassword.length < MIN_PASSWORD_LENGTH) {
      local.newPassword = t('changePassword.tooShort', { count: MIN_PASSWORD_LENGTH });
    } else if (!local.newPassword && values.newPassword === values.currentPassword) {
      local.newPassword = t('changePassword.sameAsCurrent');
    }
    if (!local.confirmPassword && values.confirmPassword !== values.newPassword) {
      local.confirmPassword = t('changePassword.mismatch');
    }
    if (Object.keys(local).length > 0) return fail(local, []);

    setSubmitting(true);
    try {
      const response = await changePassword(api, {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      signedIn(response);
      void navigate(paths.staffHome, { replace: forced, state: { notice: 'password-changed' } });
    } catch (error) {
      if (error instanceof ApiProblemError && error.code === 'auth.invalid_credentials') {
        fail({ currentPassword: t('changePassword.wrongCurrent') }, []);
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

  const field = (name: PasswordField, autoComplete: string, hint?: string) => (
    <TextField
      label={t(`changePassword.${name}`)}
      name={name}
      type="password"
      autoComplete={autoComplete}
      value={values[name]}
      onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
      error={fieldErrors[name]}
      hint={hint}
      required
    />
  );

  return (
    <section className="page page--narrow" aria-labelledby="change-password-title">
      <div className="card">
        <h1 id="change-password-title">{t('changePassword.title')}</h1>
        <p className="lead">{forced ? t('changePassword.forcedIntro') : t('changePassword.intro')}</p>
        <FormAlert ref={alertRef} messages={generalErrors} />
        <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
          {field('currentPassword', 'current-password')}
          {field('newPassword', 'new-password', t('changePassword.newPasswordHint', { count: MIN_PASSWORD_LENGTH }))}
          {field('confirmPassword', 'new-password')}
          <button type="submit" className="button button--primary button--block" disabled={submitting}>
            {submitting ? t('common.saving') : t('changePassword.submit')}
          </button>
        </form>
      </div>
    </section>
  );
}
