import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** Queries retry network failures and 5xx once, never 4xx (a refusal will not change on retry). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});
