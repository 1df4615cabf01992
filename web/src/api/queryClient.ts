import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "./client.ts";

/** 4xx answers are final; only network trouble and 5xx are worth a second try. */
const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
