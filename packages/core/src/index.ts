export * from './errors';
export * from './catalog/roles';
export * from './catalog/schema';
export * from './catalog/services';
export * from './sla/wib';
export * from './sla/calendar';
export * from './sla/deadline';
export * from './sla/default-calendar';
export { OFFICIAL_HOLIDAYS, OFFICIAL_YEARS } from './sla/official-holidays';
