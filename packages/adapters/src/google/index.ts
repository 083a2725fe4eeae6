import type { RemoteFiles } from '../remote-files';
import type { FormResponses } from './types';

/**
 * Drive and Forms clients for a service account, loaded on first use: the Google libraries (~330 KiB)
 * stay out of every cold start that copies no file and reconciles no form.
 */
export const googleClients = (keyJson: string, rootUrl?: string): { drive: RemoteFiles; forms: FormResponses } => {
  let loaded: Promise<{ drive: RemoteFiles; forms: FormResponses }> | undefined;
  const load = () =>
    (loaded ??= Promise.all([import('./auth'), import('./drive'), import('./forms')]).then(([auth, drive, forms]) => {
      const credentials = auth.serviceAccountAuth(keyJson);
      return {
        drive: new drive.GoogleDriveFiles(credentials, rootUrl),
        forms: new forms.GoogleFormResponses(credentials, rootUrl),
      };
    }));
  return {
    drive: { fetch: async (fileId, maxBytes) => (await load()).drive.fetch(fileId, maxBytes) },
    forms: {
      questions: async (formId) => (await load()).forms.questions(formId),
      responses: async (formId, since) => (await load()).forms.responses(formId, since),
    },
  };
};
