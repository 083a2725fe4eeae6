/** Set per stage with `npx sst secret set <Name> <value> --stage <stage>`. */
export const webhookSecret = new sst.Secret('GoogleFormsWebhookSecret');
export const authSecret = new sst.Secret('AuthSecret');
/** The Google service account's JSON key: reads form responses and applicants' uploads. */
export const googleKey = new sst.Secret('GoogleServiceAccountKey');
/** "Masuk dengan Google": the OAuth client of the Dinas's Google Cloud project. Empty: the button is hidden. */
export const oauthClientId = new sst.Secret('GoogleOAuthClientId', '');
export const oauthClientSecret = new sst.Secret('GoogleOAuthClientSecret', '');
/** SP4N-LAPOR! API channel (README, "SP4N-LAPOR!"): the two per-agency credentials. Empty: manual channel only. */
export const laporAuth = new sst.Secret('LaporApiAuth', '');
export const laporToken = new sst.Secret('LaporApiToken', '');
/** The BSrE esign gateway's HTTP Basic password (LOKET_SIGNING=bsre). Empty: letters are signed with the desk certificate. */
export const bsrePassword = new sst.Secret('BsrePassword', '');
