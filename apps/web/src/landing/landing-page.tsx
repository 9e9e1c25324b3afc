import { useTranslation } from 'react-i18next';
import { BookingJourney } from '../booking/booking-journey';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle, useTenant } from '../tenant/tenant-context';

const STEPS = ['choose', 'confirm', 'attend'] as const;

/** What employees see first: a short welcome, then the booking journey itself. */
export function LandingPage() {
  const { t } = useTranslation();
  const tenant = useTenant();
  usePageTitle();

  return (
    <div className="landing">
      <section className="hero" aria-labelledby="landing-title">
        <p className="hero__eyebrow">{t('landing.welcome', { name: tenant.displayName })}</p>
        <h1 id="landing-title">{t('landing.title')}</h1>
        <p className="lead">{t('landing.intro', { name: tenant.displayName })}</p>
      </section>
      <BookingJourney />
      <section className="steps" aria-labelledby="steps-title">
        <h2 id="steps-title">{t('landing.stepsTitle')}</h2>
        <ol className="steps__list">
          {STEPS.map((step, index) => (
            <li key={step} className="steps__item">
              <span className="steps__number" aria-hidden="true">
                {index + 1}
              </span>
              <h3>{t(`landing.steps.${step}.title`)}</h3>
              <p>{t(`landing.steps.${step}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>
      <p className="landing__staff">
        <Link to={paths.registration}>{t('waitingList.register.title')}</Link>
      </p>
      <p className="landing__staff">
        <Link to={paths.myData}>{t('myData.title')}</Link>
      </p>
      <p className="landing__staff">
        <Link to={paths.signIn}>{t('landing.staffSignIn')}</Link>
      </p>
    </div>
  );
}
