import { afterAll, beforeAll } from 'vitest';
import { demoFormRoutes } from '../../functions/local/demo-forms';
import { type GoogleApi, startGoogleApi } from '../../functions/local/google-emulator';
import { seedDemoLetterSettings } from '../../functions/local/seed';
import { useBrowser } from './browser';
import { type manualClock, useTestWorld } from './deps';

/**
 * The local desk as a newcomer runs it, in a browser: Google played by the emulator, the demo forms
 * on, the demo letter settings saved, mail caught, and a public address for the links in mails (`local` maps them to the test server).
 */
export const useDemoDesk = async (clock: ReturnType<typeof manualClock>) => {
  const google: GoogleApi = await startGoogleApi();
  const world = useTestWorld({
    time: clock,
    mail: true,
    env: {
      GOOGLE_SERVICE_ACCOUNT_KEY: google.serviceAccountKey,
      GOOGLE_API_ROOT_URL: google.rootUrl,
      LOKET_PUBLIC_URL: 'http://desk.local',
      LOKET_DEMO_FORMS: 'on',
    },
    extensions: (deps) => [demoFormRoutes(deps, google)],
  });
  // The local desk fills the letter settings with its demo signatories, so its letters can be signed.
  beforeAll(() => seedDemoLetterSettings(world.deps));
  const web = useBrowser(world);
  afterAll(() => google.close());
  /** A link from a mail, on the test's own server. */
  const local = (url: string) => web.base + new URL(url).pathname;
  return { world, web, local };
};
