import { lambda } from './runtime';

/** The Hono app (public pages, console, JSON API, webhooks) on one Lambda with a function URL. */
export const api = new sst.aws.Function('Api', {
  ...lambda('api', 'functions/api/index.handler', '29 seconds'),
  url: true,
});
