// vitest setupFile: every test file sees the test database as DATABASE_URL (provided by test/setup/global.ts).
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.NODE_ENV ??= 'test';
