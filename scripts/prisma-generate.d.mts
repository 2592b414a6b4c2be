// Types for scripts/prisma-generate.mjs.
export declare function prismaGenerate(opts?: { force?: boolean; log?: (msg: string) => void }): {
  generated: boolean;
  ms: number;
  output: string | null;
};
