import { createBrowserRouter } from "react-router-dom";
import { RequireAuth } from "./auth/RequireAuth.tsx";
import { RequirePermission } from "./auth/RequirePermission.tsx";
import { AppLayout } from "./layout/AppLayout.tsx";
import { AuditPage } from "./pages/audit/AuditPage.tsx";
import { AccountManagersPage } from "./pages/customers/AccountManagersPage.tsx";
import { CompletenessPage } from "./pages/customers/CompletenessPage.tsx";
import { CustomerPage } from "./pages/customers/CustomerPage.tsx";
import { CustomersPage } from "./pages/customers/CustomersPage.tsx";
import { DuplicatesPage } from "./pages/customers/DuplicatesPage.tsx";
import { NotFoundPage } from "./pages/errors/NotFoundPage.tsx";
import { RouteErrorPage } from "./pages/errors/RouteErrorPage.tsx";
import { GradingPage } from "./pages/grading/GradingPage.tsx";
import { HomePage } from "./pages/home/HomePage.tsx";
import { LoginPage } from "./pages/login/LoginPage.tsx";
import { NotificationsPage } from "./pages/notifications/NotificationsPage.tsx";
import { OrgUnitsPage } from "./pages/org/OrgUnitsPage.tsx";
import { RolesPage } from "./pages/roles/RolesPage.tsx";
import { UsersPage } from "./pages/users/UsersPage.tsx";

const CUSTOMER_READ = ["customer:read", "customer:read_own"] as const;
/** Readers of the province's archive may see the rules that class it; editors change them. */
const GRADING = ["grading:write", "customer:read"] as const;

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: "/",
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: "customers",
        element: (
          <RequirePermission permission={CUSTOMER_READ}>
            <CustomersPage />
          </RequirePermission>
        ),
      },
      {
        path: "customers/completeness",
        element: (
          <RequirePermission permission="customer:read">
            <CompletenessPage />
          </RequirePermission>
        ),
      },
      {
        path: "customers/duplicates",
        element: (
          <RequirePermission permission="customer:write">
            <DuplicatesPage />
          </RequirePermission>
        ),
      },
      {
        path: "customers/account-managers",
        element: (
          <RequirePermission permission="customer:assign">
            <AccountManagersPage />
          </RequirePermission>
        ),
      },
      {
        path: "customers/grading",
        element: (
          <RequirePermission permission={GRADING}>
            <GradingPage />
          </RequirePermission>
        ),
      },
      {
        path: "customers/:id",
        element: (
          <RequirePermission permission={CUSTOMER_READ}>
            <CustomerPage />
          </RequirePermission>
        ),
      },
      {
        path: "system/org",
        element: (
          <RequirePermission permission="org:read">
            <OrgUnitsPage />
          </RequirePermission>
        ),
      },
      {
        path: "system/users",
        element: (
          <RequirePermission permission="user:read">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: "system/roles",
        element: (
          <RequirePermission permission="role:write">
            <RolesPage />
          </RequirePermission>
        ),
      },
      {
        path: "system/audit",
        element: (
          <RequirePermission permission="audit:read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: "notifications", element: <NotificationsPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
