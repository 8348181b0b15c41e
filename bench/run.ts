/** `npm run bench`: prints figures and ratios. Not a test: nothing here passes or fails. */
import { benchBundle, benchStartup } from './startup.js';

benchBundle();
await benchStartup();
