/** Public pages few requests show (a letter's verification, a survey, last quarter's figures): loaded on first use. */
export { KinerjaPage } from './kinerja-page';
export { SurveyDone, SurveyPage } from './survey-page';
export { LetterNotInRegisterPage, LetterRevokedPage, VerifyPage } from './verify-page';
export { KlinikPublicPage } from './klinik-public';
