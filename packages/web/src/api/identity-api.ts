import { api } from './api-client';

/** The signed-in user as GET /api/auth/me describes them. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  organisationId: string | null;
  isSuperAdmin: boolean;
  roles: string[];
  permissions: string[];
  via: 'session' | 'token';
  mfaEnrolmentRequired: boolean;
}

interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  organisationId: string | null;
  isSuperAdmin: boolean;
}

interface MeResponse {
  user: UserSummary;
  roles: string[];
  permissions: string[];
  via: 'session' | 'token';
  mfaEnrolmentRequired: boolean;
}

/** Sign-in input (the TOTP code only when the account has a second factor). */
export interface LoginInput {
  email: string;
  password: string;
  totpCode?: string;
}

/** A request to join an organisation (by its code); an org admin approves or rejects it. */
export interface RegistrationInput {
  organisation: string;
  email: string;
  displayName: string;
  password: string;
}

/** The identity endpoints of the API. */
export const identityApi = {
  me: async (signal?: AbortSignal): Promise<Me> => {
    const r = await api.get<MeResponse>('/api/auth/me', undefined, signal);
    return {
      ...r.user,
      roles: r.roles,
      permissions: r.permissions,
      via: r.via,
      mfaEnrolmentRequired: r.mfaEnrolmentRequired,
    };
  },
  login: (input: LoginInput) =>
    api.post<{ user: UserSummary; csrfToken: string; mfaEnrolmentRequired: boolean }>('/api/auth/login', input),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  register: (input: RegistrationInput) => api.post<{ status: 'pending' }>('/api/auth/register', input),
  /** Sets one's own password with the one-time code an administrator passed on (no session needed). */
  setPasswordWithCode: (input: { code: string; newPassword: string }) =>
    api.post<{ email: string }>('/api/auth/password/set', input),
};

/** A personal API token as listed (the secret is shown once, at creation). */
export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** The signed-in user's own account: password, API tokens, second factor. */
export const accountApi = {
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/api/auth/password', { currentPassword, newPassword }),
  tokens: () => api.get<ApiToken[]>('/api/auth/tokens'),
  createToken: (name: string, expiresInDays?: number) =>
    api.post<{ id: string; name: string; prefix: string; token: string; expiresAt: string | null }>(
      '/api/auth/tokens',
      {
        name,
        ...(expiresInDays ? { expiresInDays } : {}),
      },
    ),
  revokeToken: (tokenId: string) => api.delete<{ ok: true }>(`/api/auth/tokens/${tokenId}`),
  totpSetup: () => api.post<{ secret: string; uri: string }>('/api/auth/totp/setup'),
  totpEnable: (code: string) => api.post<{ ok: true }>('/api/auth/totp/enable', { code }),
  totpDisable: (password: string) => api.post<{ ok: true }>('/api/auth/totp/disable', { password }),
};
