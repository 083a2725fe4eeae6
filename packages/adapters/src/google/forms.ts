import { forms, type forms_v1 } from '@googleapis/forms';
import type { GoogleAuth } from './auth';
import type { FormQuestion, FormResponses } from './types';

const questionType = (q: forms_v1.Schema$Question): string =>
  q.fileUploadQuestion
    ? 'FILE_UPLOAD'
    : q.choiceQuestion
      ? 'CHOICE'
      : q.dateQuestion
        ? 'DATE'
        : q.timeQuestion
          ? 'TIME'
          : q.scaleQuestion
            ? 'SCALE'
            : 'TEXT';

/** Google Forms v1 through `@googleapis/forms`; `rootUrl` points it elsewhere (tests). */
export class GoogleFormResponses implements FormResponses {
  private readonly api: forms_v1.Forms;

  constructor(authClient: GoogleAuth, rootUrl?: string) {
    this.api = forms({ version: 'v1', auth: authClient, rootUrl });
  }

  async questions(formId: string): Promise<FormQuestion[]> {
    const { data } = await this.api.forms.get({ formId });
    return (data.items ?? []).flatMap((item) => {
      const single = item.questionItem?.question;
      if (single?.questionId)
        return [{ questionId: single.questionId, title: item.title ?? '', type: questionType(single) }];
      // Grid rows are questions of their own, titled "<item> [<row>]" as Forms exports them.
      return (item.questionGroupItem?.questions ?? [])
        .filter((q) => q.questionId)
        .map((q) => ({
          questionId: q.questionId!,
          title: `${item.title ?? ''} [${q.rowQuestion?.title ?? ''}]`,
          type: questionType(q),
        }));
    });
  }

  async responses(formId: string, since?: Date): Promise<forms_v1.Schema$FormResponse[]> {
    const out: forms_v1.Schema$FormResponse[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await this.api.forms.responses.list({
        formId,
        pageSize: 5000,
        pageToken,
        filter: since ? `timestamp >= ${since.toISOString()}` : undefined,
      });
      out.push(...(data.responses ?? []));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  }
}
