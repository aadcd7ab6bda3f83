import { api } from './api-client';

/** The signed-in user as the API describes them. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  organisationId: string | null;
  isSuperAdmin: boolean;
  roles: string[];
  permissions: string[];
  mfaEnrolmentRequired?: boolean;
}

/** Sign-in input. */
export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
}

/** A request for access that an org admin approves. */
export interface RegistrationInput {
  email: string;
  displayName: string;
  password: string;
  organisationSlug: string;
  reason?: string;
}

/** The identity endpoints of the API. */
export const identityApi = {
  me: (signal?: AbortSignal) => api.get<{ user: Me }>('/api/auth/me', undefined, signal).then((r) => r.user),
  login: (input: LoginInput) => api.post<{ user: Me }>('/api/auth/login', input),
  logout: () => api.post<void>('/api/auth/logout'),
  register: (input: RegistrationInput) => api.post<{ id: string; status: string }>('/api/auth/register', input),
};
