/** The browser entry: query cache, language, router. */
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, startPageView } from './api/client.ts';
import { SESSION_KEY } from './api/queries.ts';
import { LanguageProvider } from './language.tsx';
import { router } from './router.tsx';
import './styles.css';

/** A 401 on any request means the session ended (idle or absolute timeout, logout elsewhere): back to login. */
function onApiError(error: Error, queryKey?: readonly unknown[]) {
  if (!(error instanceof ApiError) || error.status !== 401 || queryKey?.[0] === 'session') return;
  queryClient.setQueryData(SESSION_KEY, null);
  void router.navigate({ to: '/login', search: { reason: 'expired' } });
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onApiError(error) }),
  defaultOptions: {
    queries: {
      // 4xx answers are final (404 means "not yours"); retry only network trouble and 5xx, once.
      retry: (failures, error) =>
        failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// Each navigation is a new page view; its requests carry its id, so the audit log shows the view as one entry.
router.subscribe('onBeforeNavigate', startPageView);

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
