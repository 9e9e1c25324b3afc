// mjml 5 ships no type declarations; this covers the one call the mailer makes.
declare module 'mjml' {
  interface MjmlError {
    line: number;
    message: string;
    tagName: string;
    formattedMessage: string;
  }
  interface MjmlOptions {
    validationLevel?: 'strict' | 'soft' | 'skip';
    keepComments?: boolean;
    minify?: boolean;
    beautify?: boolean;
  }
  interface MjmlResult {
    html: string;
    errors: MjmlError[];
  }
  function mjml2html(input: string, options?: MjmlOptions): Promise<MjmlResult>;
  export = mjml2html;
}
