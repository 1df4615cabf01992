import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import { AntdProvider } from "./AntdProvider.tsx";
import { setCsrfToken, setUnauthorizedHandler } from "./api/client.ts";
import { queryClient } from "./api/queryClient.ts";
import type { Me } from "./api/types.ts";
import { meKey } from "./auth/api.ts";
import { I18nProvider } from "./i18n/index.tsx";
import { router } from "./router.tsx";

// A 401 anywhere means the session is gone: forgetting the user makes the route guard send them to
// /login, remembering the page they were on.
setUnauthorizedHandler(() => {
  setCsrfToken(null);
  queryClient.setQueryData<Me | null>(meKey, null);
});

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdProvider>
          <RouterProvider router={router} />
        </AntdProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
