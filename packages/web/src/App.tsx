import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import type { ApiClient } from './api/api-client.ts';
import { ApiProvider } from './api/ApiProvider.tsx';
import { AccessLogPage } from './features/access-log/AccessLogPage.tsx';
import { AppointmentsPage } from './features/appointments/AppointmentsPage.tsx';
import { BookAppointmentPage } from './features/appointments/BookAppointmentPage.tsx';
import { HomeVisitsPage } from './features/appointments/HomeVisitsPage.tsx';
import { ChooseActingPage } from './features/citizen/ChooseActingPage.tsx';
import { ConversationPage } from './features/dialog/ConversationPage.tsx';
import { MessagesPage } from './features/dialog/MessagesPage.tsx';
import { NewMessagePage } from './features/dialog/NewMessagePage.tsx';
import { MinSidePage } from './features/citizen/MinSidePage.tsx';
import { FullmaktPage } from './features/representation/FullmaktPage.tsx';
import { GiveFullmaktPage } from './features/representation/GiveFullmaktPage.tsx';
import { LandingPage } from './features/landing/LandingPage.tsx';
import { NotRegisteredPage } from './features/landing/NotRegisteredPage.tsx';
import { NotificationPreferencesPage } from './features/notifications/NotificationPreferencesPage.tsx';
import { NotFoundPage } from './features/NotFoundPage.tsx';
import { OperatorConsolePage } from './features/operator/OperatorConsolePage.tsx';
import { PloMessagePage } from './features/plo/PloMessagePage.tsx';
import { PloMessagesPage } from './features/plo/PloMessagesPage.tsx';
import { StaffCitizenPage } from './features/staff/StaffCitizenPage.tsx';
import { StaffCalendarPage } from './features/staff-calendar/StaffCalendarPage.tsx';
import { StaffWorkspacePage } from './features/staff/StaffWorkspacePage.tsx';
import { CareRelationsPage } from './features/care-relations/CareRelationsPage.tsx';
import { StaffConversationPage } from './features/staff-inbox/StaffConversationPage.tsx';
import { StaffInboxPage } from './features/staff-inbox/StaffInboxPage.tsx';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<LandingPage />} />
      <Route path="/ikke-registrert" element={<NotRegisteredPage />} />
      <Route path="/min-side" element={<MinSidePage />} />
      <Route path="/min-side/velg" element={<ChooseActingPage />} />
      <Route path="/min-side/fullmakt" element={<FullmaktPage />} />
      <Route path="/min-side/fullmakt/ny" element={<GiveFullmaktPage />} />
      <Route path="/min-side/logg" element={<AccessLogPage />} />
      <Route path="/min-side/timeavtaler" element={<AppointmentsPage />} />
      <Route path="/min-side/timeavtaler/bestill" element={<BookAppointmentPage />} />
      <Route path="/min-side/besok" element={<HomeVisitsPage />} />
      <Route path="/min-side/meldinger" element={<MessagesPage />} />
      <Route path="/min-side/meldinger/ny" element={<NewMessagePage />} />
      <Route path="/min-side/meldinger/:id" element={<ConversationPage />} />
      <Route path="/min-side/varsler" element={<NotificationPreferencesPage />} />
      <Route path="/ansatt" element={<StaffWorkspacePage />} />
      <Route path="/ansatt/brukere" element={<CareRelationsPage />} />
      <Route path="/ansatt/innbygger/:personId" element={<StaffCitizenPage />} />
      <Route path="/ansatt/meldinger" element={<PloMessagesPage />} />
      <Route path="/ansatt/meldinger/:id" element={<PloMessagePage />} />
      <Route path="/ansatt/kalender" element={<StaffCalendarPage />} />
      <Route path="/ansatt/innboks" element={<StaffInboxPage />} />
      <Route path="/ansatt/innboks/:id" element={<StaffConversationPage />} />
      <Route path="/drift" element={<OperatorConsolePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/**
 * After an in-app navigation, moves focus to the new page's heading, as a full page load would start reading
 * from the top. While the page still loads, focus waits on its main area and moves to the heading when it
 * appears (unless the user has moved on by then).
 */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) {
      return;
    }
    previous.current = pathname;
    const heading = () => document.querySelector<HTMLElement>('main h1');
    const main = document.querySelector<HTMLElement>('main');
    const found = heading();
    if (found) {
      found.focus();
      return;
    }
    main?.focus();
    if (!main) {
      return;
    }
    const observer = new MutationObserver(() => {
      const h1 = heading();
      if (h1) {
        observer.disconnect();
        if (document.activeElement === main) {
          h1.focus();
        }
      }
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = window.setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      window.clearTimeout(stop);
    };
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
