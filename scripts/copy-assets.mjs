// Copies what the compiled server reads at run time beside it: the SQL migrations.
import { cpSync } from 'node:fs';
cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true });
