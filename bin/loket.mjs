#!/usr/bin/env node
// The operators' CLI. TypeScript sources run through tsx, the same way `npm start` runs the desk.
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('../functions/cli/main.ts');
