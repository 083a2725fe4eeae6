/** Set per stage with `npx sst secret set <Name> <value> --stage <stage>`. */
export const webhookSecret = new sst.Secret('GoogleFormsWebhookSecret');
export const authSecret = new sst.Secret('AuthSecret');
