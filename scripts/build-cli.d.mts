// Types of build-cli.mjs for the TypeScript tests that import it.
export declare const CLI_DIR: string;
export declare function newestSource(root?: string): number;
export declare function bundleIsFresh(root?: string): boolean;
export declare function buildCli(root?: string): Promise<string>;
