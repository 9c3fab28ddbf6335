import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import type { ApiClient } from './api/api-client.ts';
import { ApiProvider } from './api/ApiProvider.tsx';
import { AccessLogPage } from './features/access-log/AccessLogPage.tsx';
import { ChooseActingPage } from './features/citizen/ChooseActingPage.tsx';
import { MinSidePage } from './features/citizen/MinSidePage.tsx';
import { FullmaktPage } from './features/fullmakt/FullmaktPage.tsx';
import { GiveFullmaktPage } from './features/fullmakt/GiveFullmaktPage.tsx';
import { LandingPage } from './features/landing/LandingPage.tsx';
import { NotFoundPage } from './features/NotFoundPage.tsx';
import { OperatorConsolePage } from './features/operator/OperatorConsolePage.tsx';
import { StaffCitizenPage } from './features/staff/StaffCitizenPage.tsx';
import { StaffWorkspacePage } from './features/staff/StaffWorkspacePage.tsx';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<LandingPage />} />
      <Route path="/min-side" element={<MinSidePage />} />
      <Route path="/min-side/velg" element={<ChooseActingPage />} />
      <Route path="/min-side/fullmakt" element={<FullmaktPage />} />
      <Route path="/min-side/fullmakt/ny" element={<GiveFullmaktPage />} />
      <Route path="/min-side/logg" element={<AccessLogPage />} />
      <Route path="/ansatt" element={<StaffWorkspacePage />} />
      <Route path="/ansatt/innbygger/:personId" element={<StaffCitizenPage />} />
      <Route path="/drift" element={<OperatorConsolePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/**
 * After an in-app navigation, moves focus to the new page's heading (or its main area while it loads), as a
 * full page load would start reading from the top.
 */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) {
      return;
    }
    previous.current = pathname;
    const target = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
    target?.focus();
  }, [pathname]);
  return null;
}

export function App({ api, queryClient }: { api: ApiClient; queryClient: QueryClient }) {
  return (
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <FocusOnNavigate />
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </ApiProvider>
  );
}
