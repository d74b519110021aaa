/** The project logo, copied from assets/ next to index.html. */
export declare const LOGO_FILE: string;
/** JSON that is safe inside a `<script>` element. */
export declare function scriptJson(value: unknown): string;
/** The spec the site renders: every operation's code samples, and the project logo in the sidebar. */
export declare function prepareSpec(spec: any): { spec: any; typescript: Record<string, string> };
/** The page without the Try it console. */
export declare function withoutConsole(html: string): string;
/** The page with the console for `spec` added before `</body>`; replaces a console already there. */
export declare function addConsole(html: string, spec: any, script: string): string;
/** The dev variant of a built page for a new prepared spec (rendered in the browser, not prerendered). */
export declare function devPage(html: string, spec: any, script: string): string;
