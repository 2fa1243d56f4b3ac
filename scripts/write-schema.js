// Build step: writes dist/envelope.schema.json from the compiled schema module, its one source.
import { writeFileSync } from 'node:fs';
import { envelopeSchema } from '../dist/contract/schema.js';

writeFileSync(new URL('../dist/envelope.schema.json', import.meta.url), `${JSON.stringify(envelopeSchema, null, 2)}\n`);
