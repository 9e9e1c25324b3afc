import { useTranslation } from 'react-i18next';
import type { SiteSummary } from './site-names';

interface SiteFilterProps {
  id: string;
  sites: readonly SiteSummary[];
  /** '' for every site. */
  value: string;
  onChange: (siteId: string) => void;
}

export function SiteFilter({ id, sites, value, onChange }: SiteFilterProps) {
  const { t } = useTranslation();
  if (sites.length < 2) return null;
  return (
    <div className="field field--inline">
      <label className="field__label" htmlFor={id}>
        {t('booking.slots.site')}
      </label>
      <select id={id} className="field__input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('booking.slots.allSites')}</option>
        {sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </select>
    </div>
  );
}
