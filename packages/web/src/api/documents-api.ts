import { api, apiRequest } from './api-client';

export interface ProjectDocument {
  id: string;
  projectId: string;
  fileName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string;
}

/** A project's documents: upload, list, download, rendered markdown, delete. */
export const documentsApi = {
  list: (projectId: string) => api.get<ProjectDocument[]>(`/api/projects/${projectId}/documents`),
  upload: (projectId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiRequest<ProjectDocument>('POST', `/api/projects/${projectId}/documents`, { body: form });
  },
  downloadUrl: (documentId: string) => `/api/documents/${documentId}`,
  html: (documentId: string) => api.get<{ html: string }>(`/api/documents/${documentId}/html`),
  remove: (documentId: string) => api.delete<{ ok: true }>(`/api/documents/${documentId}`),
};
