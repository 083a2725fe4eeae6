/// <reference path="./.sst/platform/config.d.ts" />

/** Stages: `production` keeps its data on removal; every other stage is disposable. */
export default $config({
  app(input) {
    return {
      name: 'loket',
      removal: input?.stage === 'production' ? 'retain' : 'remove',
      protect: input?.stage === 'production',
      home: 'aws',
      providers: { aws: { region: 'ap-southeast-3' } },
    };
  },
  async run() {
    await import('./infra/storage');
    await import('./infra/secrets');
    const { api } = await import('./infra/api');
    await import('./infra/jobs');
    return { api: api.url };
  },
});
