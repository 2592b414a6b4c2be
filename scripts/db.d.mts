// Types for scripts/db.mjs (plain Node ESM), so TypeScript tests can import it.
export declare const ROOT: string;
export declare const PRIVATE_DIR: string;
export interface ProvisionOptions {
  /** Database name on the private server, e.g. 'shebao', 'shebao_test'. */
  dbName: string;
  /** How DATABASE_URL / TEST_DATABASE_URL / BENCH_DATABASE_URL are read; default 'dev'. */
  purpose?: 'dev' | 'test' | 'bench';
  /** Drop and create the database. */
  recreate?: boolean;
  log?: (msg: string) => void;
}
export declare function provisionDatabase(opts: ProvisionOptions): Promise<string>;
export declare function stopDatabase(opts?: { any?: boolean; log?: (msg: string) => void }): Promise<boolean>;
export declare function startedPrivateServer(): boolean;
export declare function usesPrivateServer(): boolean;
export declare function parseDatabaseUrl(url: string): {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  socketPath?: string;
};
