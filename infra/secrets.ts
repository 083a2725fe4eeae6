/** Set per stage with `npx sst secret set <Name> <value> --stage <stage>`. */
export const webhookSecret = new sst.Secret('GoogleFormsWebhookSecret');
export const authSecret = new sst.Secret('AuthSecret');
/** The Google service account's JSON key: reads form responses and applicants' uploads. */
export const googleKey = new sst.Secret('GoogleServiceAccountKey');
