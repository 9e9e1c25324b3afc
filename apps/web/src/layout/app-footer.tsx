import { useTranslation } from 'react-i18next';

export function AppFooter({ tenantName }: { tenantName?: string }) {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <p>{tenantName ? t('footer.operatedFor', { name: tenantName }) : t('footer.product')}</p>
    </footer>
  );
}
