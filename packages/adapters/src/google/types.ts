import type { forms_v1 } from '@googleapis/forms';

/** What the desk needs from Google, apart from the client libraries (which load only when used). */
export interface FormQuestion {
  questionId: string;
  title: string;
  type: string;
}

export interface FormResponses {
  /** Question ids with their item titles (responses carry only ids). */
  questions(formId: string): Promise<FormQuestion[]>;
  /** Every response submitted or edited at or after `since` (all of them without `since`). */
  responses(formId: string, since?: Date): Promise<forms_v1.Schema$FormResponse[]>;
}
