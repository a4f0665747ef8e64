/** Register a provider, and change one (found in the register the unit manager may see; otherwise "not found"). */
import { Link } from '@tanstack/react-router';
import { useProviders } from '../../api/placement-queries.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { ProviderForm } from './ProviderForm.tsx';

function BackLink() {
  const { t } = useI18n();
  return (
    <p>
      <Link to="/placeringar/utforare">{t('providers.back')}</Link>
    </p>
  );
}

export function NewProviderPage() {
  const { t } = useI18n();
  return (
    <Page title={t('providers.newTitle')}>
      <BackLink />
      <ProviderForm provider={null} />
    </Page>
  );
}

export function EditProviderPage({ providerId }: { readonly providerId: string }) {
  const { t } = useI18n();
  const providers = useProviders();
  if (providers.isPending || providers.isError) {
    return (
      <Page title={t('providers.editTitle')}>
        {providers.isError ? <LoadError error={providers.error} /> : <Loading />}
      </Page>
    );
  }
  const provider = providers.data.providers.find((p) => p.id === providerId);
  if (provider === undefined) return <NotFoundPage />;
  return (
    <Page title={t('providers.editTitle')} heading={t('providers.editHeading', { name: provider.name })}>
      <BackLink />
      <ProviderForm key={provider.id} provider={provider} />
    </Page>
  );
}
