/**
 * `npm run bench`: prints figures and ratios. Not a test: nothing here passes or fails.
 * `npm run bench -- documents` (or `startup`, `pdf`, `national`, `api`, `faults`, `countries`, `form`, `logbook-import`, `registers`) runs
 * one group only.
 */
import { benchApi } from './api.js';
import { benchCountries } from './countries.js';
import { benchDocuments } from './documents.js';
import { benchFaults } from './faults.js';
import { benchForm } from './form.js';
import { fuzzFigures } from './fuzz.js';
import { benchLogbookImport } from './logbook-import.js';
import { benchNational } from './national.js';
import { benchPdf } from './pdf.js';
import { benchRegisters } from './registers.js';
import { benchBundle, benchStartup } from './startup.js';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wants = (group: string) => only.length === 0 || only.includes(group);

if (wants('startup')) {
  benchBundle();
  await benchStartup();
}
if (wants('documents')) await benchDocuments();
if (wants('pdf')) await benchPdf();
if (wants('countries')) benchCountries();
if (wants('national')) await benchNational();
if (wants('api')) await benchApi();
if (wants('faults')) await benchFaults({ extra: fuzzFigures });
if (wants('form')) await benchForm();
if (wants('logbook-import')) await benchLogbookImport();
if (wants('registers')) await benchRegisters();
