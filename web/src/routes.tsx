import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { PageLoader } from './components/PageLoader';
import AccountPage from './pages/AccountPage';
import HomePage from './pages/HomePage';
import NotFoundPage from './pages/NotFoundPage';
import ReportPage from './pages/ReportPage';
import ReportsPage from './pages/ReportsPage';
import SignInPage from './pages/SignInPage';
import UnitPage from './pages/UnitPage';
import UnitsPage from './pages/UnitsPage';

// The pages every user needs are in the main bundle, so that a page loads with one HTML, one
// script and one style sheet (no waterfall of chunks on a 3G link). Only the administrators'
// screens are loaded on demand.
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const OutlinesPage = lazy(() => import('./pages/OutlinesPage'));
const OutlinePage = lazy(() => import('./pages/OutlinePage'));
const OutlineFromTextPage = lazy(() => import('./pages/OutlineFromTextPage'));
const RegisterPage = lazy(() => import('./pages/RegisterPage'));
// The province's screens: the board and the charts (the charts library stays out of the main script).
// Rounds are opened and followed by the province; a commune reaches its report from the home page.
const RoundsPage = lazy(() => import('./pages/RoundsPage'));
const RoundPage = lazy(() => import('./pages/RoundPage'));
const BoardPage = lazy(() => import('./pages/BoardPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
// Try-out page of the register's import/export buttons (until the register pages render them).
const SheetsTryPage = lazy(() => import('./components/logbook/sheets/SheetsTryPage'));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/dang-nhap" element={<SignInPage />} />
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="don-vi" element={<UnitsPage />} />
          <Route path="don-vi/:id" element={<UnitPage />} />
          <Route path="nguoi-dung" element={<UsersPage />} />
          <Route path="nhat-ky" element={<AuditPage />} />
          <Route path="tai-khoan" element={<AccountPage />} />
          <Route path="bao-cao" element={<ReportsPage />} />
          <Route path="bao-cao/:id" element={<ReportPage />} />
          <Route path="de-cuong" element={<OutlinesPage />} />
          <Route path="de-cuong/moi" element={<OutlineFromTextPage />} />
          <Route path="de-cuong/:id" element={<OutlinePage />} />
          <Route path="so-van-ban" element={<RegisterPage />} />
          <Route path="dot-bao-cao" element={<RoundsPage />} />
          <Route path="dot-bao-cao/:id" element={<RoundPage />} />
          <Route path="tien-do" element={<BoardPage />} />
          <Route path="thong-ke" element={<DashboardPage />} />
          <Route path="thong-bao" element={<NotificationsPage />} />
          <Route path="thu-nghiem/nhap-xuat-so" element={<SheetsTryPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
