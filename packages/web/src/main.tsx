import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/api-client.ts';
import { onRepresentationError } from './api/citizen-queries.ts';
import { ApiError } from './api/api-error.ts';
import { queryKeys } from './api/queries.ts';
import { App } from './App.tsx';
import { initI18n } from './i18n/index.ts';
import '@designsystem-scss/helsenorge.scss';
import './styles/app.scss';

initI18n();

// A 401 from any call means the session ended (expired or logged out elsewhere): re-read the session, and the
// shell's guard sends the browser to the login.
// A `not_represented` refusal means the server put the session back to acting for the user (see
// onRepresentationError).
const onApiError = (err: unknown) => {
  if (err instanceof ApiError && err.status === 401) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.session });
  }
  onRepresentationError(queryClient, err);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // A 4xx answer will not change on retry; network trouble and 5xx get one more try.
      retry: (failures, err) => failures < 1 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={createApiClient()} queryClient={queryClient} />
    </StrictMode>,
  );
}
