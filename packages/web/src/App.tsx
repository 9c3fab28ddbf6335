import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import type { ApiClient } from './api/api-client.ts';
import { ApiProvider } from './api/ApiProvider.tsx';
import { AccessLogPage } from './features/access-log/AccessLogPage.tsx';
import { AdminTermsPage } from './features/agreements/AdminTermsPage.tsx';
import { OperatorTermsPage } from './features/agreements/OperatorTermsPage.tsx';
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
import { LoggedOutPage } from './features/landing/LoggedOutPage.tsx';
import { NotificationPreferencesPage } from './features/notifications/NotificationPreferencesPage.tsx';
import { NotFoundPage } from './features/NotFoundPage.tsx';
import { OperatorConsolePage } from './features/operator/OperatorConsolePage.tsx';
import { MunicipalitiesPage } from './features/operator/MunicipalitiesPage.tsx';
import { NewMunicipalityPage } from './features/operator/NewMunicipalityPage.tsx';
import { MunicipalityPage } from './features/operator/MunicipalityPage.tsx';
import { PopulationImportPage } from './features/operator/PopulationImportPage.tsx';
import { EpjProductsPage } from './features/operator/EpjProductsPage.tsx';
import { PloMessagePage } from './features/plo/PloMessagePage.tsx';
import { PloMessagesPage } from './features/plo/PloMessagesPage.tsx';
import { PloAlertPage } from './features/plo/PloAlertPage.tsx';
import { PloRejectedPage } from './features/plo/PloRejectedPage.tsx';
import { PloAlertsPage } from './features/plo/PloAlertsPage.tsx';
import { AdminServicesPage } from './features/services/AdminServicesPage.tsx';
import { StaffCitizenPage } from './features/staff/StaffCitizenPage.tsx';
import { MyUnitPage } from './features/staff/MyUnitPage.tsx';
import { StaffCalendarPage } from './features/staff-calendar/StaffCalendarPage.tsx';
import { MyVisitsPage } from './features/home-care/MyVisitsPage.tsx';
import { StaffWorkspacePage } from './features/staff/StaffWorkspacePage.tsx';
import { CareRelationsPage } from './features/care-relations/CareRelationsPage.tsx';
import { StaffConversationPage } from './features/staff-inbox/StaffConversationPage.tsx';
import { StaffInboxPage } from './features/staff-inbox/StaffInboxPage.tsx';
import { AdminEpjPage } from './features/admin/AdminEpjPage.tsx';
import { AdminOverviewPage } from './features/admin/AdminOverviewPage.tsx';
import { AdminStaffPage } from './features/admin/AdminStaffPage.tsx';
import { AdminUnitsPage } from './features/admin/AdminUnitsPage.tsx';
import { EvaluationPage } from './features/support/EvaluationPage.tsx';
import { OperatorSupportPage } from './features/support/OperatorSupportPage.tsx';
import { StaffSupportPage } from './features/support/StaffSupportPage.tsx';
import { AdminTerminationPage } from './features/admin/AdminTerminationPage.tsx';
import { WindDownPage } from './features/operator/WindDownPage.tsx';
import { AddressRegisterPage } from './features/operator/AddressRegisterPage.tsx';
import { LettersPage } from './features/letters/LettersPage.tsx';
import { StaffLettersPage } from './features/letters/StaffLettersPage.tsx';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<LandingPage />} />
      <Route path="/ikke-registrert" element={<NotRegisteredPage />} />
      <Route path="/logget-ut" element={<LoggedOutPage />} />
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
      <Route path="/min-side/brev" element={<LettersPage />} />
      <Route path="/ansatt/brev" element={<StaffLettersPage />} />
      <Route path="/ansatt" element={<StaffWorkspacePage />} />
      <Route path="/ansatt/brukere" element={<CareRelationsPage />} />
      <Route path="/ansatt/enhet" element={<MyUnitPage />} />
      <Route path="/ansatt/innbygger/:personId" element={<StaffCitizenPage />} />
      <Route path="/ansatt/meldinger" element={<PloMessagesPage />} />
      <Route path="/ansatt/meldinger/varsler" element={<PloAlertsPage />} />
      <Route path="/ansatt/meldinger/avviste" element={<PloRejectedPage />} />
      <Route path="/ansatt/meldinger/varsler/:id" element={<PloAlertPage />} />
      <Route path="/ansatt/meldinger/:id" element={<PloMessagePage />} />
      <Route path="/ansatt/kalender" element={<StaffCalendarPage />} />
      <Route path="/ansatt/besok" element={<MyVisitsPage />} />
      <Route path="/ansatt/innboks" element={<StaffInboxPage />} />
      <Route path="/ansatt/innboks/:id" element={<StaffConversationPage />} />
      <Route path="/ansatt/admin" element={<AdminOverviewPage />} />
      <Route path="/ansatt/admin/enheter" element={<AdminUnitsPage />} />
      <Route path="/ansatt/admin/ansatte" element={<AdminStaffPage />} />
      <Route path="/ansatt/admin/epj" element={<AdminEpjPage />} />
      <Route path="/drift" element={<OperatorConsolePage />} />
      <Route path="/drift/kommuner" element={<MunicipalitiesPage />} />
      <Route path="/drift/kommuner/ny" element={<NewMunicipalityPage />} />
      <Route path="/drift/kommuner/:id" element={<MunicipalityPage />} />
      <Route path="/drift/epj-produkter" element={<EpjProductsPage />} />
      <Route path="/drift/folkeregister" element={<PopulationImportPage />} />
      <Route path="/drift/vilkar" element={<OperatorTermsPage />} />
      <Route path="/ansatt/admin/vilkar" element={<AdminTermsPage />} />
      <Route path="/ansatt/admin/tjenester" element={<AdminServicesPage />} />
      <Route path="/ansatt/support" element={<StaffSupportPage />} />
      <Route path="/drift/support" element={<OperatorSupportPage />} />
      <Route path="/drift/evaluering" element={<EvaluationPage />} />
      <Route path="/ansatt/admin/oppsigelse" element={<AdminTerminationPage />} />
      <Route path="/drift/avvikling" element={<WindDownPage />} />
      <Route path="/drift/adresseregister" element={<AddressRegisterPage />} />
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
