import { installStandard } from '@loket/core';
import { defaultStandardFile, loadStandard } from '@loket/adapters';

// Every test file starts with the repository's office standard installed, as `npm start` does; a test
// of another office installs its own document (test/fixtures/standards/).
installStandard(loadStandard(process.env.LOKET_STANDARD ?? defaultStandardFile()));
