/** The console's page components, loaded on the first console request (see ./routes.tsx). */
export { ActionPage, CasePage } from './case-page';
export { CaseListPage } from './case-list';
export { HomePage } from './home';
export { NewCasePage, RegisteredPage } from './new-case';
export { LaporNewPage } from './lapor-new';
export { LetterRegisterPage } from './letters';
export { LetterPage } from './letter-page';
export { ReportPage, ReportPeriodPage } from './report-page';
export { UmkmRegistryPage } from './umkm-registry';
export { KlinikPage } from './klinik';
