import { handle } from 'hono/aws-lambda';
import { loadConfig } from '@loket/adapters';
import { createDeps } from '../deps';
import { createApp } from './app';

/** Lambda entry (API Gateway v2 / Function URL). */
export const handler = handle(createApp(createDeps(loadConfig())));
