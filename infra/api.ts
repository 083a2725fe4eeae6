import { functionDefaults } from './runtime';

/** The Hono app on one Lambda with a function URL. */
export const api = new sst.aws.Function('Api', { ...functionDefaults('functions/api/index.handler', '29 seconds'), url: true });
