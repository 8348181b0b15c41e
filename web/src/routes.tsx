import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { PageLoader } from './components/PageLoader';

// Each page is its own chunk: a commune officer on 3G downloads the home page, not the admin screens.
const SignInPage = lazy(() => import('./pages/SignInPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const UnitsPage = lazy(() => import('./pages/UnitsPage'));
const UnitPage = lazy(() => import('./pages/UnitPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

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
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
